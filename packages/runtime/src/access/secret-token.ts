import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a bearer credential (API key, session cookie): `prefix` + 32 url-safe random characters. */
export const newSecretToken = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;

/** How credentials are stored and looked up: SHA-256, hex. Enough for 192-bit random tokens (no KDF needed). */
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
