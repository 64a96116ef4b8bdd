import type { ApiKeyResource } from '@casework/shared';
import { useState } from 'react';
import { SetupSection } from '../case-setup/setup-section.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { LoadableList, type ListLoadState } from '../ui/loadable-list.tsx';
import { ApiKeyForm } from './api-key-form.tsx';
import { ApiKeyTable } from './api-key-table.tsx';
import { NewKeyDialog } from './new-key-dialog.tsx';

interface ApiKeysSectionProps {
  keys: ListLoadState<ApiKeyResource>;
  onChanged: (key: ApiKeyResource) => void;
  onReload: () => void;
}

/** The API keys scripts and integrations use: the form, the once-shown new key, and the list. */
export function ApiKeysSection({ keys, onChanged, onReload }: ApiKeysSectionProps) {
  const [created, setCreated] = useState<ApiKeyResource | null>(null);
  const onCreated = (key: ApiKeyResource) => {
    // The list keeps the key without its secret: it is in the dialog only.
    onChanged({ ...key, attributes: { ...key.attributes, key: undefined } });
    setCreated(key);
  };
  return (
    <SetupSection
      heading="API keys"
      intro={
        <>
          Scripts and integrations call the API with a key (<code>Authorization: Bearer …</code>), scoped to a role: a
          trigger key starts workflow runs and follows them, nothing else. Each key is shown once, when created.
        </>
      }
    >
      <ApiKeyForm onCreated={onCreated} />
      {created !== null && <NewKeyDialog apiKey={created} onClose={() => setCreated(null)} />}
      <LoadableList
        state={keys}
        loading="Loading API keys…"
        failure="Could not load the API keys."
        onRetry={onReload}
        empty={
          <EmptyState testId="api-keys-empty">
            <h4>No API keys yet</h4>
            <p>Create one above for each script or integration, so each can be revoked on its own.</p>
          </EmptyState>
        }
      >
        {(items) => <ApiKeyTable keys={items} onChanged={onChanged} />}
      </LoadableList>
    </SetupSection>
  );
}
