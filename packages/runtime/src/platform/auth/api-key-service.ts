import { createHash, timingSafeEqual } from 'node:crypto';
import { UnauthorizedError } from '../errors.ts';
import type { ApiKeyRepository } from './api-key-repository.ts';
import type { ApiKeyDocument } from '../db/platform-collections.ts';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';

const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** API keys are stored only as SHA-256 hashes; a presented key is hashed and compared in constant time. */
export function createApiKeyService(deps: { apiKeys: ApiKeyRepository; clock: Clock }) {
  return {
    /** Registers a key (idempotent: the same key twice is one record). */
    async register(key: string, name: string): Promise<void> {
      await deps.apiKeys.upsert({ _id: newId('apiKey'), hash: hashKey(key), name, createdAt: deps.clock() });
    },

    /** Resolves an `Authorization` header value to its key record, or throws UnauthorizedError. */
    async authenticate(authorization: string | undefined): Promise<ApiKeyDocument> {
      const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
      if (!match?.[1]) {
        throw new UnauthorizedError('Missing API key: send it as "Authorization: Bearer <api key>".');
      }
      const hash = hashKey(match[1]);
      const record = await deps.apiKeys.findByHash(hash);
      if (!record || !timingSafeEqual(Buffer.from(record.hash, 'hex'), Buffer.from(hash, 'hex'))) {
        throw new UnauthorizedError('Invalid API key.');
      }
      return record;
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
