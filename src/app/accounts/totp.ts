/**
 * @module Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), written on node:crypto: six
 * digits, 30-second steps, HMAC-SHA1 as every authenticator app expects, and Base32 secrets.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `base32Encode(Buffer.from('foo'))` → `'MZXW6'` (RFC 4648, no padding). */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** `base32Decode('MZXW6')` → the bytes of 'foo'; spaces, padding and case are ignored. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error(`not a Base32 character: ${ch}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export interface TotpOptions {
  digits?: number;
  stepSeconds?: number;
  algorithm?: 'sha1' | 'sha256' | 'sha512';
}

/** The HOTP code for a counter (RFC 4226 §5.3, dynamic truncation). */
export function hotp(key: Uint8Array, counter: number, digits = 6, algorithm: TotpOptions['algorithm'] = 'sha1'): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm ?? 'sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1] & 0xf;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(code).padStart(digits, '0');
}

/** The time step a moment falls in. */
export function totpStep(atMs: number, stepSeconds = 30): number {
  return Math.floor(atMs / 1000 / stepSeconds);
}

/**
 * The TOTP code of `key` at `atMs`.
 *
 * @example totp(Buffer.from('12345678901234567890'), 59_000, { digits: 8 }) // → '94287082' (RFC 6238 appendix B)
 */
export function totp(key: Uint8Array, atMs: number, opts: TotpOptions = {}): string {
  return hotp(key, totpStep(atMs, opts.stepSeconds ?? 30), opts.digits ?? 6, opts.algorithm ?? 'sha1');
}

/**
 * The time step `code` is valid for at `atMs`, allowing one step of clock drift either way, or null.
 * The caller keeps the last accepted step and refuses steps at or before it (no replay).
 *
 * @example verifyTotp(secret, totp(base32Decode(secret), Date.now()), Date.now()) // → the current step
 */
export function verifyTotp(secretBase32: string, code: string, atMs: number, opts: TotpOptions = {}): number | null {
  const digits = opts.digits ?? 6;
  const given = code.replace(/\s/g, '');
  if (!new RegExp(`^\\d{${digits}}$`).test(given)) return null;
  const key = base32Decode(secretBase32);
  const now = totpStep(atMs, opts.stepSeconds ?? 30);
  for (const step of [now, now - 1, now + 1]) {
    const expected = hotp(key, step, digits, opts.algorithm ?? 'sha1');
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(given))) return step;
  }
  return null;
}

/** A new random secret (160 bits, as RFC 4226 recommends), Base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** The `otpauth://` address authenticator apps read (usually from a QR code, or typed). */
export function otpauthUri(secret: string, account: string, issuer = 'Mizan'): string {
  return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
