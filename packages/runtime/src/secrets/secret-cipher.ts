import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** What the store keeps of a secret's value: AES-256-GCM ciphertext, its nonce and tag, and which key made it. */
export interface SealedValue {
  ciphertext: string;
  iv: string;
  tag: string;
  /** The first 16 hex digits of SHA-256(key): a value sealed under another key is named as such, not garbled. */
  keyId: string;
}

const KEY_BYTES = 32;

/** The 32-byte key of `CASEWORK_SECRETS_KEY` (64 hex digits, or base64 / base64url), or null when it is not one. */
export function parseSecretsKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const key = Buffer.from(trimmed, 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  return null;
}

export const secretsKeyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 16);

/**
 * Encrypts and decrypts secret values with AES-256-GCM (node:crypto). The secret's name is the additional
 * authenticated data, so a sealed value copied onto another name fails to open rather than leaking under it.
 */
export function createSecretCipher(key: Buffer) {
  const keyId = secretsKeyId(key);
  return {
    keyId,
    seal(name: string, value: string): SealedValue {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(name, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
      return {
        ciphertext: ciphertext.toString('base64'),
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        keyId,
      };
    },
    /** The value, or throws naming why (another key, tampered with). */
    open(name: string, sealed: SealedValue): string {
      if (sealed.keyId !== keyId) {
        throw new Error(`secret "${name}" was encrypted with another CASEWORK_SECRETS_KEY; set its value again`);
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(name, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      try {
        return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString(
          'utf8',
        );
      } catch {
        throw new Error(`secret "${name}" does not decrypt (altered in the store?); set its value again`);
      }
    },
  };
}

export type SecretCipher = ReturnType<typeof createSecretCipher>;
