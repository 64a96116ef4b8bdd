import { secretDocumentSchema, secretListSchema, type SecretResource } from '@casework/shared';
import { noContent, type ApiClient } from './api-client.ts';

const path = (name: string) => `/secrets/${encodeURIComponent(name)}`;

/** Named secrets (docs/architecture.md, "Secrets"): values go in and never come back. */
export function secretsApi(client: ApiClient) {
  return {
    list: async (signal?: AbortSignal): Promise<SecretResource[]> =>
      (await client.request('/secrets', secretListSchema, { signal })).data,
    create: async (name: string, value: string): Promise<SecretResource> =>
      (
        await client.request('/secrets', secretDocumentSchema, {
          method: 'POST',
          body: { data: { attributes: { name, value } } },
        })
      ).data,
    replace: async (name: string, value: string): Promise<SecretResource> =>
      (
        await client.request(path(name), secretDocumentSchema, {
          method: 'PATCH',
          body: { data: { attributes: { value } } },
        })
      ).data,
    remove: async (name: string): Promise<void> => {
      await client.request(path(name), noContent, { method: 'DELETE' });
    },
  };
}

export type SecretsApi = ReturnType<typeof secretsApi>;
