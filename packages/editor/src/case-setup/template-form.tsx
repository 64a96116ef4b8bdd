import type { CaseQueueResource, CaseTemplateResource } from '@casework/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../ui/error-message.tsx';
import type { ListLoadState } from '../ui/loadable-list.tsx';
import { FieldRows } from './field-rows.tsx';
import { errorCount, slotErrors } from './form-errors.ts';
import { TextControl } from './form-controls.tsx';
import { SlaInputs } from './sla-inputs.tsx';
import { StatusRows } from './status-rows.tsx';
import { templateSlots } from './template-validation.ts';
import { useTemplateForm } from './use-template-form.ts';

interface TemplateFormProps {
  queues: ListLoadState<CaseQueueResource>;
  onCreated: (template: CaseTemplateResource) => void;
  onCancel: () => void;
}

/** "New template": name, key, statuses, fields and SLA, checked as the API will check them before it is sent. */
export function TemplateForm({ queues, onCreated, onCancel }: TemplateFormProps) {
  const { state, setState, errors, busy, submit } = useTemplateForm(onCreated);
  const formRef = useRef<HTMLFormElement>(null);
  const [refused, setRefused] = useState(0);

  // After a refused submit, take the user to the first marked control, or to the summary when none is marked
  // (the API down): once it is rendered.
  useEffect(() => {
    if (refused === 0) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector('.case-setup-summary');
    target?.focus();
  }, [refused]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await submit())) setRefused((n) => n + 1);
  };

  const placed = errorCount(errors) - errors.general.length;
  const summary = [
    ...errors.general,
    ...(placed === 0 ? [] : [`Fix the ${placed === 1 ? 'problem' : `${placed} problems`} marked below.`]),
  ];

  return (
    <form
      ref={formRef}
      className="case-setup-card case-setup-template-form"
      aria-label="New template"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <h3>New template</h3>
      {summary.length > 0 && (
        <div tabIndex={-1} className="case-setup-summary">
          <ErrorMessage>{summary.join('\n')}</ErrorMessage>
        </div>
      )}
      <div className="case-setup-identity">
        <TextControl
          label="Name"
          maxLength={200}
          placeholder="e.g. KYC review"
          value={state.name}
          messages={slotErrors(errors, templateSlots.name)}
          onChange={(name) => setState((current) => ({ ...current, name }))}
        />
        <TextControl
          label="Key"
          identifier
          maxLength={16}
          placeholder="e.g. KYC"
          value={state.key}
          messages={slotErrors(errors, templateSlots.key)}
          hint="1–16 upper-case letters or digits, starting with a letter. Cases are named after it (KYC-42); it cannot change later."
          onChange={(key) => setState((current) => ({ ...current, key }))}
        />
      </div>
      <StatusRows state={state} setState={setState} errors={errors} />
      <FieldRows state={state} setState={setState} errors={errors} />
      <SlaInputs state={state} setState={setState} errors={errors} queues={queues} />
      <div className="case-setup-form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create template'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
