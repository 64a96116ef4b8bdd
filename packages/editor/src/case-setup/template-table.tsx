import type { CaseTemplateResource } from '@casework/shared';
import { memo } from 'react';
import { useApi } from '../session/use-api.ts';
import { ArchiveAction } from './archive-action.tsx';
import { RecordStatus } from './record-status.tsx';

interface TemplateTableProps {
  templates: readonly CaseTemplateResource[];
  onChanged: (template: CaseTemplateResource) => void;
}

export function TemplateTable({ templates, onChanged }: TemplateTableProps) {
  return (
    <table className="case-setup-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Key</th>
          <th scope="col">Statuses</th>
          <th scope="col">Fields</th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {templates.map((template) => (
          <TemplateRow key={template.id} template={template} onChanged={onChanged} />
        ))}
      </tbody>
    </table>
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
      <td>
        <RecordStatus status={status} />
      </td>
      <td className="case-setup-row-actions">
        {status === 'active' && (
          <ArchiveAction
            subject={`template “${name}”`}
            label={`Archive ${name}`}
            onArchive={async () => onChanged(await api.catalog.archiveTemplate(template.id))}
          >
            <p>
              Workflows can no longer create cases from it (a Create case step that uses it becomes an error on
              publish). Cases already made from it keep their statuses and fields.
            </p>
          </ArchiveAction>
        )}
      </td>
    </tr>
  );
});
