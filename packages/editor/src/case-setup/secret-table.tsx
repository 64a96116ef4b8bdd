import type { SecretResource } from '@casework/shared';
import { useId, useState } from 'react';
import { useApi } from '../session/use-api.ts';
import { DataTable } from '../ui/data-table.tsx';
import { FormDialog } from '../ui/form-dialog.tsx';
import { formatDateTime } from '../ui/format-time.ts';

interface SecretTableProps {
  secrets: readonly SecretResource[];
  onChanged: (secret: SecretResource) => void;
  onDeleted: () => void;
}

const columns = ['Name', 'Created', 'Value changed', ''];

/** The secrets by name; a value can be replaced, never read. */
export function SecretTable({ secrets, onChanged, onDeleted }: SecretTableProps) {
  return (
    <DataTable className="case-setup-table" columns={columns}>
      {secrets.map((secret) => (
        <SecretRow key={secret.id} secret={secret} onChanged={onChanged} onDeleted={onDeleted} />
      ))}
    </DataTable>
  );
}

function SecretRow({ secret, onChanged, onDeleted }: { secret: SecretResource } & Omit<SecretTableProps, 'secrets'>) {
  const api = useApi();
  const [dialog, setDialog] = useState<'replace' | 'delete' | null>(null);
  const [value, setValue] = useState('');
  const valueId = useId();
  const { name } = secret.attributes;
  const close = () => {
    setDialog(null);
    setValue('');
  };
  return (
    <tr data-testid="secret-row" data-secret-name={name}>
      <th scope="row">
        <code>{name}</code>
      </th>
      <td>{formatDateTime(secret.attributes['created-at'])}</td>
      <td>{formatDateTime(secret.attributes['updated-at'])}</td>
      <td className="row-actions">
        <button type="button" aria-label={`Replace the value of ${name}`} onClick={() => setDialog('replace')}>
          Replace value
        </button>{' '}
        <button type="button" aria-label={`Delete ${name}`} onClick={() => setDialog('delete')}>
          Delete
        </button>
        {dialog === 'replace' && (
          <FormDialog
            title={`Replace the value of ${name}?`}
            submitLabel="Replace value"
            busyLabel="Replacing…"
            canSubmit={value !== ''}
            onClose={close}
            onSubmit={async () => onChanged(await api.secrets.replace(name, value))}
          >
            <p>Runs use the new value from their next request on. The old value is gone for good.</p>
            <label htmlFor={valueId}>New value</label>
            <input
              id={valueId}
              className="text-input"
              type="password"
              autoComplete="new-password"
              maxLength={4096}
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
          </FormDialog>
        )}
        {dialog === 'delete' && (
          <FormDialog
            title={`Delete the secret ${name}?`}
            submitLabel="Delete secret"
            danger
            onClose={close}
            onSubmit={async () => {
              await api.secrets.remove(name);
              onDeleted();
            }}
          >
            <p>
              Steps that sign with it fail from then on, naming it, and a workflow using it can no longer be published.
            </p>
          </FormDialog>
        )}
      </td>
    </tr>
  );
}
