import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { base32Decode, base32Encode, hotp, totp, verifyTotp, newTotpSecret } from '../../src/app/accounts/totp.ts';

// RFC 6238 appendix B: the SHA-1 key is the ASCII string "12345678901234567890", 8 digits.
const KEY = Buffer.from('12345678901234567890');
const VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

test('TOTP matches the RFC 6238 test vectors (SHA-1)', () => {
  for (const [seconds, code] of VECTORS) assert.equal(totp(KEY, seconds * 1000, { digits: 8 }), code, `T=${seconds}`);
});

test('TOTP matches the RFC 6238 vectors for SHA-256 and SHA-512 keys', () => {
  const k256 = Buffer.from('12345678901234567890123456789012');
  const k512 = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234');
  assert.equal(totp(k256, 59_000, { digits: 8, algorithm: 'sha256' }), '46119246');
  assert.equal(totp(k512, 59_000, { digits: 8, algorithm: 'sha512' }), '90693936');
});

test('HOTP matches RFC 4226 appendix D', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  expected.forEach((code, counter) => assert.equal(hotp(KEY, counter), code));
});

test('Base32 round-trips any bytes, and decodes the RFC 4648 examples', () => {
  assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
  assert.equal(base32Decode('mzxw 6ytb oi======').toString(), 'foobar');
  fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => Buffer.compare(base32Decode(base32Encode(bytes)), Buffer.from(bytes)) === 0));
});

test('a code is accepted within one step of drift and refused beyond it', () => {
  const secret = newTotpSecret();
  const now = 1_700_000_000_000;
  const code = totp(base32Decode(secret), now);
  assert.ok(verifyTotp(secret, code, now) !== null);
  assert.ok(verifyTotp(secret, code, now + 30_000) !== null);
  assert.equal(verifyTotp(secret, code, now + 90_000), null);
  assert.equal(verifyTotp(secret, 'abcdef', now), null);
  assert.equal(verifyTotp(secret, '', now), null);
});
