import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

// RFC 6238 time-based one-time passwords (HMAC-SHA1, 30-second steps, 6 digits), as every
// authenticator app implements them, and RFC 4648 base32 for the shared key.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const TOTP_STEP_SECONDS = 30;
const DIGITS = 6;

/** RFC 4648 base32 without padding. */
export const base32Encode = (bytes: Buffer): string => {
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
};

/** Decodes base32 (any case, spaces and padding ignored); throws on other characters. */
export const base32Decode = (text: string): Buffer => {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = ALPHABET.indexOf(ch);
    if (idx === -1) throw new Error('not base32');
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
};

/** A new 160-bit shared key, as RFC 4226 recommends. */
export const newTotpKey = (): Buffer => randomBytes(20);

/** The code for one time step (HOTP of the step counter, dynamically truncated). */
export const totpCode = (key: Buffer, step: number, digits = DIGITS): string => {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const bin = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(bin % 10 ** digits).padStart(digits, '0');
};

export const stepAt = (ms: number): number => Math.floor(ms / 1000 / TOTP_STEP_SECONDS);

/**
 * Checks a code against the current step and one step either side (clock drift). Returns the matched
 * step, or undefined. A step at or before `lastStep` is refused, so a code works only once.
 */
export const verifyTotp = (
  key: Buffer,
  code: string,
  nowMs: number,
  lastStep: number | null = null,
): number | undefined => {
  const digits = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return undefined;
  const now = stepAt(nowMs);
  let matched: number | undefined;
  // Check every candidate, so the time taken does not say which one matched.
  for (const step of [now - 1, now, now + 1]) {
    if (totpCode(key, step) === digits && (lastStep === null || step > lastStep)) matched ??= step;
  }
  return matched;
};

/** The `otpauth://` URI authenticator apps read (typed in, or from a QR code). */
export const otpauthUri = (keyBase32: string, account: string, issuer: string): string =>
  `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${keyBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${DIGITS}&period=${TOTP_STEP_SECONDS}`;

const sealKey = (secret: string): Buffer => createHmac('sha256', secret).update('ecosphere:seal:v1').digest();

/** Encrypts a small secret for storage (AES-256-GCM, key derived from the app secret): `v1.<iv>.<tag>.<data>`. */
export const seal = (appSecret: string, plain: Buffer): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(appSecret), iv);
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
};

/** Decrypts what `seal` made; throws if it was tampered with or sealed under another secret. */
export const unseal = (appSecret: string, sealed: string): Buffer => {
  const [v, iv, tag, data] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', sealKey(appSecret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]);
};
