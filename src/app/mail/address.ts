/**
 * @module The one place an e-mail address is judged. A subscriber's address ends up in an SMTP
 * envelope and a `To:` header, so anything that could break out of either (CR, LF, NUL, other
 * controls, angle brackets, commas, quotes) is refused before any other check, and so is anything
 * longer than an address can be (the 10,000-character kind never reaches a regular expression).
 *
 * Decisions (docs/mail.md): the local part must be plain ASCII dot-atom — SMTPUTF8 mailboxes are
 * refused, because support among receiving servers is patchy and a non-ASCII local part is where
 * look-alikes hide (`раul@` in Cyrillic). The domain may be internationalized: it is converted to
 * its ASCII (Punycode) form with UTS #46, and each label must be written in one script (Japanese
 * may mix Han, Hiragana and Katakana), and a Cyrillic or Greek label made only of letters that look
 * Latin is refused under an ASCII top-level domain (`аррӏе.com`), as browsers do. The address is
 * stored as sent (ASCII domain, lower-cased; the local part as typed) and identified by its
 * lower-cased form.
 */
import { domainToASCII, domainToUnicode } from 'node:url';
import { MizanError } from '../../lib/index.ts';

/** Why an address was refused; the web layer turns each into a sentence in the page's language. */
export type AddressProblem = 'empty' | 'too-long' | 'control' | 'format' | 'local' | 'domain' | 'lookalike';

export class AddressError extends MizanError {
  readonly problem: AddressProblem;
  constructor(problem: AddressProblem, message: string) {
    super('bad-address', message, { status: 400 });
    this.name = 'AddressError';
    this.problem = problem;
  }
}

export interface CheckedAddress {
  /** What mail is sent to: the local part as typed, the domain in ASCII, lower case. */
  address: string;
  /** The identity of the mailbox: the whole address in lower case. */
  key: string;
  /** The domain as a reader knows it (Unicode), for display. */
  display: string;
}

/** RFC 5321: a path of at most 256 octets including the angle brackets. */
export const MAX_ADDRESS = 254;
const MAX_LOCAL = 64;

// C0/C1 controls, DEL, the Unicode line and paragraph separators, bidi controls, zero-width characters.
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LDH_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const SCRIPTS = ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Han', 'Hiragana', 'Katakana', 'Hangul', 'Thai', 'Devanagari', 'Armenian', 'Georgian', 'Ethiopic', 'Bengali', 'Tamil'] as const;
const SCRIPT_RE = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);
const JAPANESE = new Set(['Han', 'Hiragana', 'Katakana']);
// Cyrillic and Greek letters that pass for Latin ones in common fonts.
const LATIN_LOOKING = /^[аеорсуххіјѕԁһӏԛԝʏοаνικτρεχυ0-9-]+$/u;

function scriptsOf(label: string): Set<string> {
  const found = new Set<string>();
  for (const ch of label) {
    if (!/\p{L}/u.test(ch)) continue;
    const hit = SCRIPT_RE.find(([, re]) => re.test(ch));
    found.add(hit ? hit[0] : 'Other');
  }
  return found;
}

/**
 * Checks and normalizes an address typed into a form; throws AddressError naming the problem.
 *
 * @example checkAddress(' Reader@Example.ORG ') // → { address: 'Reader@example.org', key: 'reader@example.org', display: 'example.org' }
 * @example checkAddress('a@b.org\r\nBcc: x@y.org') // throws AddressError('control', …)
 */
export function checkAddress(input: unknown): CheckedAddress {
  if (typeof input !== 'string' || !input.trim()) throw new AddressError('empty', 'an e-mail address is required');
  if (input.length > MAX_ADDRESS + 64) throw new AddressError('too-long', `an e-mail address has at most ${MAX_ADDRESS} characters`);
  const raw = input.replace(/^[ \t]+|[ \t]+$/g, '');
  if (FORBIDDEN.test(raw)) throw new AddressError('control', 'the address contains a line break or another invisible control character');
  if (raw.length > MAX_ADDRESS) throw new AddressError('too-long', `an e-mail address has at most ${MAX_ADDRESS} characters`);
  const at = raw.lastIndexOf('@');
  if (at <= 0 || at === raw.length - 1 || raw.indexOf('@') !== at) throw new AddressError('format', 'an address has the form name@example.org');
  const local = raw.slice(0, at);
  const domainIn = raw.slice(at + 1);
  if (local.length > MAX_LOCAL) throw new AddressError('too-long', `the part before @ has at most ${MAX_LOCAL} characters`);
  if (!DOT_ATOM.test(local)) {
    const nonAscii = /[^\x00-\x7f]/.test(local);
    throw new AddressError('local', nonAscii ? 'the part before @ must be written in Latin letters, digits and . _ + -' : 'the part before @ has a character an address cannot have');
  }
  if (domainIn.startsWith('[')) throw new AddressError('domain', 'addresses at a bare IP address are not accepted');
  const ascii = domainToASCII(domainIn);
  if (!ascii || ascii.length > 253) throw new AddressError('domain', `"${domainIn.slice(0, 80)}" is not a valid domain`);
  const labels = ascii.split('.');
  const tld = labels[labels.length - 1];
  if (labels.length < 2 || !labels.every((l) => LDH_LABEL.test(l)) || !(/^[a-z]{2,63}$/.test(tld) || /^xn--[a-z0-9-]+$/.test(tld))) {
    throw new AddressError('domain', `"${domainIn.slice(0, 80)}" is not a valid domain`);
  }
  const unicode = domainToUnicode(ascii);
  for (const label of unicode.split('.')) {
    const scripts = [...scriptsOf(label)];
    const mixed = scripts.length > 1 && !scripts.every((s) => JAPANESE.has(s));
    if (mixed) throw new AddressError('lookalike', `the domain mixes alphabets in "${label}" (a look-alike of another address?)`);
    if ((scripts[0] === 'Cyrillic' || scripts[0] === 'Greek') && /^[a-z]+$/.test(tld) && LATIN_LOOKING.test(label)) {
      throw new AddressError('lookalike', `"${label}" is written in ${scripts[0]} letters that look Latin (a look-alike of another address?)`);
    }
  }
  const address = `${local}@${ascii}`;
  return { address, key: address.toLowerCase(), display: unicode };
}
