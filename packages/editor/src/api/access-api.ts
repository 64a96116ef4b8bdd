import {
  apiKeyDocumentSchema,
  apiKeyListSchema,
  userDocumentSchema,
  userListSchema,
  type ApiKeyResource,
  type Role,
  type UserResource,
} from '@casework/shared';
import type { ApiClient } from './api-client.ts';
import { fetchAllPages } from './catalog-api.ts';

export interface NewUser {
  'email-address': string;
  name: string | null;
  role: Role;
  password: string;
}

export type UserChange = Partial<{ name: string | null; role: Role; password: string; disabled: boolean }>;

/** Users and API keys (docs/architecture.md, "Access") as the Access page manages them; admins only. */
export function accessApi(client: ApiClient) {
  return {
    users: (signal?: AbortSignal) => fetchAllPages<UserResource>(client, '/users', userListSchema, signal),
    createUser: async (attributes: NewUser): Promise<UserResource> =>
      (await client.request('/users', userDocumentSchema, { method: 'POST', body: { data: { attributes } } })).data,
    updateUser: async (id: string, attributes: UserChange): Promise<UserResource> =>
      (
        await client.request(`/users/${encodeURIComponent(id)}`, userDocumentSchema, {
          method: 'PATCH',
          body: { data: { attributes } },
        })
      ).data,
    apiKeys: (signal?: AbortSignal) => fetchAllPages<ApiKeyResource>(client, '/api-keys', apiKeyListSchema, signal),
    /** The answer holds the key itself (`attributes.key`), this once. */
    createApiKey: async (name: string, role: Role): Promise<ApiKeyResource> =>
      (
        await client.request('/api-keys', apiKeyDocumentSchema, {
          method: 'POST',
          body: { data: { attributes: { name, role } } },
        })
      ).data,
    revokeApiKey: async (id: string): Promise<ApiKeyResource> =>
      (await client.request(`/api-keys/${encodeURIComponent(id)}/revoke`, apiKeyDocumentSchema, { method: 'POST' }))
        .data,
  };
}

export type AccessApi = ReturnType<typeof accessApi>;
