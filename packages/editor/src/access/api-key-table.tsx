import type { ApiKeyResource } from '@casework/shared';
import { memo, useState } from 'react';
import { useApi } from '../session/use-api.ts';
import { DataTable } from '../ui/data-table.tsx';
import { FormDialog } from '../ui/form-dialog.tsx';
import { formatDateTime } from '../ui/format-time.ts';

interface ApiKeyTableProps {
  keys: readonly ApiKeyResource[];
  onChanged: (key: ApiKeyResource) => void;
}

const columns = ['Name', 'Prefix', 'Role', 'Created', 'Status'];

/** Every API key by name and prefix (the key itself was shown once), with Revoke while it works. */
export function ApiKeyTable({ keys, onChanged }: ApiKeyTableProps) {
  return (
    <DataTable className="case-setup-table access-table" columns={columns}>
      {keys.map((key) => (
        <ApiKeyRow key={key.id} apiKey={key} onChanged={onChanged} />
      ))}
    </DataTable>
  );
}

const ApiKeyRow = memo(function ApiKeyRow({
  apiKey,
  onChanged,
}: {
  apiKey: ApiKeyResource;
  onChanged: (key: ApiKeyResource) => void;
}) {
  const api = useApi();
  const [asking, setAsking] = useState(false);
  const { name, prefix, role, configured, 'created-at': createdAt, 'revoked-at': revokedAt } = apiKey.attributes;
  const status = revokedAt !== null ? 'revoked' : 'active';
  return (
    <tr data-testid="api-key-row" data-key-id={apiKey.id} data-status={status}>
      <th scope="row">{name}</th>
      <td>
        <code>{prefix}…</code>
      </td>
      <td>{role}</td>
      <td className="muted">{formatDateTime(createdAt)}</td>
      <td>
        <span className="case-setup-status" data-status={status}>
          {revokedAt !== null ? `Revoked ${formatDateTime(revokedAt)}` : 'Active'}
        </span>
        {configured && (
          <p className="form-field-hint access-configured">
            Managed by <code>CASEWORK_API_KEY</code>: change that to retire it.
          </p>
        )}
      </td>
      <td className="row-actions">
        {!configured && revokedAt === null && (
          <button type="button" aria-label={`Revoke ${name}`} onClick={() => setAsking(true)}>
            Revoke
          </button>
        )}
        {asking && (
          <FormDialog
            title={`Revoke the API key “${name}”?`}
            submitLabel="Revoke key"
            busyLabel="Revoking…"
            danger
            onClose={() => setAsking(false)}
            onSubmit={async () => onChanged(await api.access.revokeApiKey(apiKey.id))}
          >
            <p>
              Every request made with <code>{prefix}…</code> is refused from now on (401). Whatever uses it stops
              working until it gets a new key. It cannot be undone.
            </p>
          </FormDialog>
        )}
      </td>
    </tr>
  );
});
