import type { CaseQueueResource, CaseTemplateResource } from '@casework/shared';
import { useId, useState } from 'react';
import { ErrorMessage } from '../ui/error-message.tsx';
import { TemplateForm } from './template-form.tsx';
import { TemplateTable } from './template-table.tsx';
import type { ResourceListState } from './use-resource-list.ts';

interface TemplatesSectionProps {
  templates: ResourceListState<CaseTemplateResource>;
  queues: ResourceListState<CaseQueueResource>;
  onChanged: (template: CaseTemplateResource) => void;
  onReload: () => void;
}

/** The case templates: the list, and the "New template" form opened above it. */
export function TemplatesSection({ templates, queues, onChanged, onReload }: TemplatesSectionProps) {
  const [formOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<CaseTemplateResource | null>(null);
  const headingId = useId();

  const onCreated = (template: CaseTemplateResource) => {
    onChanged(template);
    setCreated(template);
    setFormOpen(false);
  };

  return (
    <section className="case-setup-section" aria-labelledby={headingId}>
      <header className="case-setup-section-header">
        <h3 id={headingId}>Case templates</h3>
        {!formOpen && (
          <button
            type="button"
            className="button-primary"
            onClick={() => {
              setCreated(null);
              setFormOpen(true);
            }}
          >
            New template
          </button>
        )}
      </header>
      <p className="muted case-setup-intro">
        A template gives cases their statuses and fields. A workflow’s Create case step makes cases from one.
      </p>
      {created !== null && (
        <p className="case-setup-notice" role="status">
          Template {created.attributes.name} (<code>{created.attributes.key}</code>) created: pick it in a Create case
          step’s Case template.
        </p>
      )}
      {formOpen && <TemplateForm queues={queues} onCreated={onCreated} onCancel={() => setFormOpen(false)} />}
      {templates.status === 'loading' && <p className="muted">Loading case templates…</p>}
      {templates.status === 'failed' && (
        <ErrorMessage
          action={
            <button type="button" onClick={onReload}>
              Try again
            </button>
          }
        >
          Could not load the case templates. {templates.error}
        </ErrorMessage>
      )}
      {templates.status === 'loaded' && templates.items.length === 0 && !formOpen && (
        <div className="case-setup-empty" data-testid="templates-empty">
          <h4>No case templates yet</h4>
          <p>
            Start with New template: its statuses are filled in with the usual open, in-review, approved and declined,
            so a name and a key are all it needs.
          </p>
        </div>
      )}
      {templates.status === 'loaded' && templates.items.length > 0 && (
        <TemplateTable templates={templates.items} onChanged={onChanged} />
      )}
    </section>
  );
}
