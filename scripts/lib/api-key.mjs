import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A fresh local API key: recognisable prefix + 32 random url-safe characters. */
export const generateApiKey = () => `cw_local_${randomBytes(24).toString('base64url')}`;

/**
 * The local API key: CASEWORK_API_KEY if set, else the one kept in the data dir (generated on first start),
 * so the key printed by one `npm start` still works after the next.
 */
export function localApiKey(dataDir, env = process.env) {
  if (env.CASEWORK_API_KEY) return { key: env.CASEWORK_API_KEY, source: 'CASEWORK_API_KEY' };
  const file = path.join(dataDir, 'api-key');
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), source: file };
  mkdirSync(dataDir, { recursive: true });
  const key = generateApiKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, source: file };
}

/**
 * The key secrets are encrypted with: CASEWORK_SECRETS_KEY if set, else the one kept in the data dir (generated on
 * first start, 32 random bytes as hex), so secrets stored by one `npm start` still open after the next.
 */
export function localSecretsKey(dataDir, env = process.env) {
  if (env.CASEWORK_SECRETS_KEY) return { key: env.CASEWORK_SECRETS_KEY, source: 'CASEWORK_SECRETS_KEY' };
  const file = path.join(dataDir, 'secrets-key');
  if (existsSync(file)) return { key: readFileSync(file, 'utf8').trim(), source: file };
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return { key, source: file };
}
