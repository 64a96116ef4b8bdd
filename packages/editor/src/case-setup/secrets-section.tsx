import type { SecretResource } from '@casework/shared';
import { useCallback, useState } from 'react';
import { useApi } from '../session/use-api.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { LoadableList } from '../ui/loadable-list.tsx';
import { SecretForm } from './secret-form.tsx';
import { SecretTable } from './secret-table.tsx';
import { SetupSection } from './setup-section.tsx';
import { useResourceList } from './use-resource-list.ts';

const byName = (items: readonly SecretResource[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));

/** Named secrets for HTTP request steps (admins and designers): created, replaced and deleted; values write-only. */
export function SecretsSection() {
  const api = useApi();
  const secrets = useResourceList(
    useCallback((signal: AbortSignal) => api.secrets.list(signal), [api]),
    byName,
  );
  const [created, setCreated] = useState<string | null>(null);
  return (
    <SetupSection
      heading="Secrets"
      intro={
        <>
          Values an HTTP request step uses by name, such as the key it signs requests with. They are stored encrypted
          and never shown again, here or in the API: replace a value to change it.
        </>
      }
    >
      <SecretForm
        onCreated={(secret) => {
          secrets.put(secret);
          setCreated(secret.id);
        }}
      />
      {created !== null && (
        <p className="case-setup-notice" role="status">
          Secret <code>{created}</code> created.
        </p>
      )}
      <LoadableList
        state={secrets.state}
        loading="Loading secrets…"
        failure="Could not load the secrets."
        onRetry={secrets.reload}
        empty={
          <EmptyState testId="secrets-empty">
            <h4>No secrets yet</h4>
            <p>Create one above, then choose it as the signature secret of an HTTP request step.</p>
          </EmptyState>
        }
      >
        {(items) => <SecretTable secrets={items} onChanged={secrets.put} onDeleted={secrets.reload} />}
      </LoadableList>
    </SetupSection>
  );
}
