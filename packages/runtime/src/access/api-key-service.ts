import { timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { ApiKeyResource, apiKeyListQuerySchema, createApiKeyRequestSchema } from '@casework/shared';
import { ConflictError, NotFoundError, UnauthorizedError } from '../platform/errors.ts';
import type { Clock } from '../platform/clock.ts';
import { newId } from '../platform/ids.ts';
import type { requestUrl } from '../platform/pagination.ts';
import type { ApiKeyDocument } from './access-collections.ts';
import type { ApiKeyRepository } from './api-key-repository.ts';
import { hashToken, newSecretToken } from './secret-token.ts';

export type CreateApiKeyAttributes = z.output<typeof createApiKeyRequestSchema>['data']['attributes'];
export type ApiKeyListQuery = z.output<typeof apiKeyListQuerySchema>;

const KEY_PREFIX = 'cwk_';
/** Enough of a key to tell it apart in a list (`cwk_` + 6 random characters), far too little to guess the rest. */
const shownPrefix = (key: string) => key.slice(0, KEY_PREFIX.length + 6);

export function apiKeyResource(key: ApiKeyDocument, secret?: string): ApiKeyResource {
  return {
    type: 'api-key',
    id: key._id,
    attributes: {
      name: key.name,
      role: key.role ?? 'admin',
      prefix: key.prefix ?? '',
      ...(secret === undefined ? {} : { key: secret }),
      configured: key.configured !== false,
      'creator-id': key.creatorId ?? null,
      'created-at': key.createdAt.toISOString(),
      'revoked-at': key.revokedAt?.toISOString() ?? null,
    },
  };
}

/**
 * How long a key that authenticated is trusted without asking the store again: every request of an integration
 * authenticates, polls included. A key revoked through this process stops at once; through another api process,
 * within this time (docs/architecture.md, "Access").
 */
const TRUSTED_KEY_MS = 5_000;

/** API keys are stored only as SHA-256 hashes; a presented key is hashed, found by hash and compared in constant time. */
export function createApiKeyService(deps: { apiKeys: ApiKeyRepository; clock: Clock }) {
  // Live keys by hash, as found a moment ago; unknown and revoked keys are always looked up.
  const trusted = new LRUCache<string, ApiKeyDocument>({ max: 1_000, ttl: TRUSTED_KEY_MS });
  // Counts revocations here, so that a lookup that read the key before one was written does not put it back.
  let revocations = 0;
  const forgetTrusted = () => {
    revocations++;
    trusted.clear();
  };
  const find = async (id: string) => {
    const key = await deps.apiKeys.findById(id);
    if (!key) throw new NotFoundError(`No API key with id ${id}.`);
    return key;
  };

  return {
    /** Registers CASEWORK_API_KEY: an admin key managed by the environment (the previous one is revoked). */
    async register(key: string, name: string): Promise<void> {
      const now = deps.clock();
      await deps.apiKeys.registerConfigured(
        { _id: newId('apiKey'), hash: hashToken(key), name, createdAt: now, role: 'admin', prefix: key.slice(0, 10) },
        now,
      );
      forgetTrusted(); // the previous configured key is revoked
    },

    /** Resolves a presented bearer key to its record, or throws UnauthorizedError. */
    async authenticate(presented: string): Promise<ApiKeyDocument> {
      const hash = hashToken(presented);
      const revocationsBefore = revocations;
      const record = trusted.get(hash) ?? (await deps.apiKeys.findByHash(hash));
      if (!record || !timingSafeEqual(Buffer.from(record.hash, 'hex'), Buffer.from(hash, 'hex'))) {
        throw new UnauthorizedError('Invalid API key.');
      }
      if (record.revokedAt) throw new UnauthorizedError('This API key was revoked.');
      if (revocations === revocationsBefore && !trusted.has(hash)) trusted.set(hash, record);
      return record;
    },

    /** A new key, scoped to `role`; the answer is the only time the key itself is shown. */
    async create(attributes: CreateApiKeyAttributes, creatorId: string): Promise<ApiKeyResource> {
      const secret = newSecretToken(KEY_PREFIX);
      const key: ApiKeyDocument = {
        _id: newId('apiKey'),
        hash: hashToken(secret),
        name: attributes.name,
        role: attributes.role,
        prefix: shownPrefix(secret),
        configured: false,
        creatorId,
        createdAt: deps.clock(),
      };
      await deps.apiKeys.insert(key);
      return apiKeyResource(key, secret);
    },

    async list(query: ApiKeyListQuery, url: ReturnType<typeof requestUrl>) {
      const revoked = query['filter[revoked]'];
      const filter = revoked === undefined ? {} : { revokedAt: { $exists: revoked === 'true' } };
      const page = await deps.apiKeys.list(filter, query, url);
      return { data: page.items.map((key) => apiKeyResource(key)), links: page.links };
    },

    get: async (id: string) => apiKeyResource(await find(id)),

    /** Idempotent for a revoked key; the configured key is managed through CASEWORK_API_KEY and refused (409). */
    async revoke(id: string): Promise<ApiKeyResource> {
      const revoked = await deps.apiKeys.revoke(id, deps.clock());
      forgetTrusted();
      if (revoked) return apiKeyResource(revoked);
      const key = await find(id);
      if (key.configured !== false) {
        throw new ConflictError('The configured key is managed through CASEWORK_API_KEY: change that to retire it.');
      }
      return apiKeyResource(key);
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
