import type { CaseTemplateResource } from '@casework/shared';
import { memo } from 'react';
import { useApi } from '../session/use-api.ts';
import { DataTable } from '../ui/data-table.tsx';
import { RecordCells } from './record-cells.tsx';

interface TemplateTableProps {
  templates: readonly CaseTemplateResource[];
  onChanged: (template: CaseTemplateResource) => void;
}

const columns = ['Name', 'Key', 'Statuses', 'Fields', 'Status'];

export function TemplateTable({ templates, onChanged }: TemplateTableProps) {
  return (
    <DataTable className="case-setup-table" columns={columns}>
      {templates.map((template) => (
        <TemplateRow key={template.id} template={template} onChanged={onChanged} />
      ))}
    </DataTable>
  );
}

/** The statuses in order, the end ones marked: they resolve the case. */
function statusSummary(statuses: CaseTemplateResource['attributes']['statuses']): string {
  return statuses.map((status) => (status.type === 'end' ? `${status.name} (end)` : status.name)).join(', ');
}

const TemplateRow = memo(function TemplateRow({
  template,
  onChanged,
}: {
  template: CaseTemplateResource;
  onChanged: (template: CaseTemplateResource) => void;
}) {
  const api = useApi();
  const { name, key, statuses, 'field-schemas': fields, status } = template.attributes;
  return (
    <tr data-testid="template-row" data-template-id={template.id} data-status={status}>
      <th scope="row">{name}</th>
      <td>
        <code>{key}</code>
      </td>
      <td className="case-setup-statuses">{statusSummary(statuses)}</td>
      <td title={fields.map((field) => field.key).join(', ')}>{fields.length}</td>
      <RecordCells
        name={name}
        status={status}
        subject={`template “${name}”`}
        onArchive={async () => onChanged(await api.catalog.archiveTemplate(template.id))}
      >
        <p>
          Workflows can no longer create cases from it (a Create case step that uses it becomes an error on publish).
          Cases already made from it keep their statuses and fields.
        </p>
      </RecordCells>
    </tr>
  );
});
