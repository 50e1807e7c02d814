/** The address check: what is refused (injection, length, look-alikes) and what is accepted (IDN domains). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkAddress, AddressError } from '../../../src/app/index.ts';

function problem(input: unknown): string {
  try {
    checkAddress(input);
    return 'ok';
  } catch (err) {
    assert.ok(err instanceof AddressError, String(err));
    return err.problem;
  }
}

test('accepted: plain, plus-tagged, IDN domains (stored as Punycode), case folded for identity', () => {
  assert.deepEqual(checkAddress(' Reader+mizan@Example.ORG '), { address: 'Reader+mizan@example.org', key: 'reader+mizan@example.org', display: 'example.org' });
  const idn = checkAddress('info@مثال.مصر');
  assert.match(idn.address, /^info@xn--/);
  assert.equal(idn.display, 'مثال.مصر');
  assert.equal(problem('user@bücher.de'), 'ok');
  assert.equal(problem('user@日本語.jp'), 'ok');
});

test('refused, each with its reason', () => {
  assert.equal(problem('a@example.org\r\nBcc: victim@example.org'), 'control');
  assert.equal(problem('a@example.org\nX'), 'control');
  assert.equal(problem('a\u202e@example.org'), 'control');
  assert.equal(problem(`${'a'.repeat(10_000)}@example.org`), 'too-long');
  assert.equal(problem(`${'a'.repeat(65)}@example.org`), 'too-long');
  assert.equal(problem('раypal@example.org'), 'local', 'a Cyrillic local part');
  assert.equal(problem('user@exаmple.com'), 'lookalike', 'Latin and Cyrillic in one label');
  assert.equal(problem('user@аррӏе.com'), 'lookalike', 'whole-script Cyrillic look-alike');
  assert.equal(problem('"quoted"@example.org'), 'local');
  assert.equal(problem('a@[192.0.2.1]'), 'domain');
  assert.equal(problem('a@localhost'), 'domain');
  assert.equal(problem('a@b@example.org'), 'format');
  assert.equal(problem('a,b@example.org'), 'local');
  assert.equal(problem(''), 'empty');
  assert.equal(problem(42), 'empty');
});

test('property: no accepted address carries a control character, a comma, angle brackets or spaces', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 40 }), (a, b) => {
      for (const input of [`${a}@${b}.org`, `${a}@example.org`, a]) {
        let out;
        try {
          out = checkAddress(input);
        } catch {
          continue;
        }
        assert.doesNotMatch(out.address, /[\u0000-\u001f\u007f,<>\s"]/);
        assert.ok(out.address.length <= 254);
      }
    }),
    { numRuns: 2000 },
  );
});
