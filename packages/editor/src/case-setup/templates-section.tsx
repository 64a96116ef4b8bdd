import type { CaseQueueResource, CaseTemplateResource } from '@casework/shared';
import { useState } from 'react';
import { usePermissions } from '../session/use-permissions.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { LoadableList, type ListLoadState } from '../ui/loadable-list.tsx';
import { SetupSection } from './setup-section.tsx';
import { TemplateForm } from './template-form.tsx';
import { TemplateTable } from './template-table.tsx';

interface TemplatesSectionProps {
  templates: ListLoadState<CaseTemplateResource>;
  queues: ListLoadState<CaseQueueResource>;
  onChanged: (template: CaseTemplateResource) => void;
  onReload: () => void;
}

/** The case templates: the list, and the "New template" form opened above it. */
export function TemplatesSection({ templates, queues, onChanged, onReload }: TemplatesSectionProps) {
  const { design } = usePermissions();
  const [formOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<CaseTemplateResource | null>(null);

  const onCreated = (template: CaseTemplateResource) => {
    onChanged(template);
    setCreated(template);
    setFormOpen(false);
  };

  return (
    <SetupSection
      heading="Case templates"
      intro="A template gives cases their statuses and fields. A workflow’s Create case step makes cases from one."
      action={
        design &&
        !formOpen && (
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
        )
      }
    >
      {created !== null && (
        <p className="case-setup-notice" role="status">
          Template {created.attributes.name} (<code>{created.attributes.key}</code>) created: pick it in a Create case
          step’s Case template.
        </p>
      )}
      {formOpen && <TemplateForm queues={queues} onCreated={onCreated} onCancel={() => setFormOpen(false)} />}
      <LoadableList
        state={templates}
        loading="Loading case templates…"
        failure="Could not load the case templates."
        onRetry={onReload}
        empty={
          // The open form is where the first template is made: the empty list need not say how.
          formOpen ? null : (
            <EmptyState testId="templates-empty">
              <h4>No case templates yet</h4>
              <p>
                Start with New template: its statuses are filled in with the usual open, in-review, approved and
                declined, so a name and a key are all it needs.
              </p>
            </EmptyState>
          )
        }
      >
        {(items) => <TemplateTable templates={items} onChanged={onChanged} />}
      </LoadableList>
    </SetupSection>
  );
}
