import { SECRETS_MAX, type SecretResource } from '@casework/shared';
import type { Clock } from '../platform/clock.ts';
import { isDuplicateKeyError } from '../platform/db/duplicate-key.ts';
import { ConflictError, DependencyUnavailableError, NotFoundError } from '../platform/errors.ts';
import { createSecretCipher, type SecretCipher } from './secret-cipher.ts';
import type { SecretDocument, SecretRepository } from './secret-repository.ts';

export interface SecretServiceDeps {
  secrets: SecretRepository;
  clock: Clock;
  /** CASEWORK_SECRETS_KEY; without it secrets can be listed and deleted, not created or read. */
  key: Buffer | undefined;
}

const toResource = (secret: Omit<SecretDocument, 'sealed'>): SecretResource => ({
  type: 'secret',
  id: secret._id,
  attributes: {
    name: secret._id,
    'created-at': secret.createdAt.toISOString(),
    'updated-at': secret.updatedAt.toISOString(),
  },
});

const noKey = () =>
  new DependencyUnavailableError('secrets are unavailable: CASEWORK_SECRETS_KEY is not set (see the README)');

/** Named secrets, stored sealed (docs/architecture.md, "Secrets"): created, listed, replaced, deleted; never shown. */
export function createSecretService(deps: SecretServiceDeps) {
  const cipher: SecretCipher | null = deps.key ? createSecretCipher(deps.key) : null;
  const sealer = () => {
    if (!cipher) throw noKey();
    return cipher;
  };
  const missing = (name: string) => new NotFoundError(`no secret named "${name}"`);
  return {
    async list(): Promise<SecretResource[]> {
      return (await deps.secrets.listNames(SECRETS_MAX)).map(toResource);
    },

    async create(name: string, value: string): Promise<SecretResource> {
      const sealed = sealer().seal(name, value);
      if ((await deps.secrets.count()) >= SECRETS_MAX) {
        throw new ConflictError(`there are already ${SECRETS_MAX} secrets; delete one first`);
      }
      const at = deps.clock();
      const secret: SecretDocument = { _id: name, sealed, createdAt: at, updatedAt: at };
      try {
        await deps.secrets.insert(secret);
      } catch (error) {
        if (isDuplicateKeyError(error)) {
          throw new ConflictError(
            `a secret named "${name}" exists; replace its value instead`,
            '/data/attributes/name',
          );
        }
        throw error;
      }
      return toResource(secret);
    },

    async replace(name: string, value: string): Promise<SecretResource> {
      const sealed = sealer().seal(name, value);
      const updated = await deps.secrets.replace(name, sealed, deps.clock());
      if (!updated) throw missing(name);
      return toResource(updated);
    },

    async remove(name: string): Promise<void> {
      if (!(await deps.secrets.remove(name))) throw missing(name);
    },

    /** The names the compiler checks `signature.secret` against. */
    async names(): Promise<string[]> {
      return (await deps.secrets.listNames(SECRETS_MAX)).map((secret) => secret._id);
    },
  };
}

export type SecretService = ReturnType<typeof createSecretService>;

/** A secret a step names cannot be used: missing, no key, or not opening. Its message is fit for the step error. */
export class SecretUnusableError extends Error {
  override name = 'SecretUnusableError';
}

/** A secret's value for a worker activity; `SecretUnusableError` when it cannot be had (store errors pass through). */
export function createSecretReader(secrets: SecretRepository, key: Buffer | undefined) {
  const cipher = key ? createSecretCipher(key) : null;
  return async (name: string): Promise<string> => {
    if (!cipher) {
      throw new SecretUnusableError(`secret "${name}" cannot be read: CASEWORK_SECRETS_KEY is not set on the worker`);
    }
    const secret = await secrets.findByName(name);
    if (!secret) throw new SecretUnusableError(`no secret named "${name}" (create it under Secrets)`);
    try {
      return cipher.open(name, secret.sealed);
    } catch (error) {
      throw new SecretUnusableError(error instanceof Error ? error.message : String(error));
    }
  };
}

export type SecretReader = ReturnType<typeof createSecretReader>;
