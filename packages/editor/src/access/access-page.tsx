import type { ApiKeyResource, UserResource } from '@casework/shared';
import { useCallback } from 'react';
import '../case-setup/case-setup.css';
import { useResourceList } from '../case-setup/use-resource-list.ts';
import { useApi } from '../session/use-api.ts';
import './access.css';
import { ApiKeysSection } from './api-keys-section.tsx';
import { UsersSection } from './users-section.tsx';

const asListed = <T,>(items: readonly T[]): T[] => [...items];

/**
 * `#/access` (admins only): the people who sign in to the editor, each with a role, and the API keys scripts and
 * integrations call the API with, each scoped to a role and shown once.
 */
export function AccessPage() {
  const api = useApi();
  const users = useResourceList<UserResource>(
    useCallback((signal: AbortSignal) => api.access.users(signal), [api]),
    asListed,
  );
  const keys = useResourceList<ApiKeyResource>(
    useCallback((signal: AbortSignal) => api.access.apiKeys(signal), [api]),
    asListed,
  );
  return (
    <div className="case-setup access ui">
      <div className="case-setup-inner">
        <h2 className="case-setup-title">Access</h2>
        <UsersSection users={users.state} onChanged={users.put} onReload={users.reload} />
        <ApiKeysSection keys={keys.state} onChanged={keys.put} onReload={keys.reload} />
      </div>
    </div>
  );
}
