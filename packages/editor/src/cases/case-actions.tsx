import { relationshipsOf } from './case-relationships.ts';
import type { CaseQueueResource, CaseResource, CaseTemplateResource } from '@casework/shared';
import { useState, type FormEvent, type Ref } from 'react';
import { useApi } from '../session/use-api.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { FormDialog } from '../ui/form-dialog.tsx';
import type { useAction } from './use-action.ts';

interface CaseActionsProps {
  kase: CaseResource;
  template: CaseTemplateResource | null;
  queues: readonly CaseQueueResource[];
  me: string | null;
  onChanged: (kase: CaseResource) => void;
  statusRef: Ref<HTMLSelectElement>;
  assignRef: Ref<HTMLInputElement>;
  /** The page's writes (its `m` shortcut assigns too): busy, the last failure, and `run`. */
  action: ReturnType<typeof useAction>;
}

const slaUnits = { minutes: 60, hours: 3600, days: 86_400 } as const;
type SlaUnit = keyof typeof slaUnits;

/** What a reviewer does to the case: status, assignee, queue, SLA, and redaction behind a confirmation. */
export function CaseActions({ kase, template, queues, me, onChanged, statusRef, assignRef, action }: CaseActionsProps) {
  const api = useApi();
  const { attributes } = kase;
  const statuses = template?.attributes.statuses ?? [];
  // A choice not made yet follows the case (a workflow or another reviewer may change it meanwhile).
  const [statusChoice, setStatus] = useState<string | null>(null);
  const status = statusChoice ?? attributes.status;
  const [email, setEmail] = useState('');
  const currentQueue = relationshipsOf(kase)['case-queue'].data?.id ?? '';
  const [queueChoice, setQueue] = useState<string | null>(null);
  const queue = queueChoice ?? currentQueue;
  const [slaAmount, setSlaAmount] = useState('2');
  const [slaUnit, setSlaUnit] = useState<SlaUnit>('hours');
  const [redacting, setRedacting] = useState(false);
  const id = kase.id;
  const change = (write: () => Promise<CaseResource>) =>
    action.run(async () => {
      onChanged(await write());
      setStatus(null);
      setQueue(null);
    });
  const assignMe = me === null ? null : () => void change(() => api.cases.assign(id, me));

  const submit = (write: () => Promise<CaseResource>) => (event: FormEvent) => {
    event.preventDefault();
    void change(write);
  };
  const statusType = statuses.find((s) => s.name === status)?.type;
  const slaSeconds = Math.round(Number(slaAmount) * slaUnits[slaUnit]);
  const resolved = attributes['resolved-at'] !== null;

  return (
    <section className="case-panel case-actions" aria-labelledby="case-actions-heading">
      <h3 id="case-actions-heading">Actions</h3>
      <form className="case-action" onSubmit={submit(() => api.cases.setStatus(id, status))}>
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          ref={statusRef}
          className="text-input"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
        >
          {statuses.length === 0 && <option value={attributes.status}>{attributes.status}</option>}
          {statuses.map((s) => (
            <option key={s.name} value={s.name}>
              {s.name}
              {s.type === 'end' ? ' (resolves)' : ''}
            </option>
          ))}
        </select>
        <button type="submit" disabled={action.busy || status === attributes.status}>
          {statusType === 'end' && !resolved ? 'Resolve' : 'Set status'}
        </button>
      </form>
      <form className="case-action" onSubmit={submit(() => api.cases.assign(id, email.trim()))}>
        <label htmlFor={`${id}-assignee`}>Assign to</label>
        <input
          id={`${id}-assignee`}
          ref={assignRef}
          className="text-input"
          type="email"
          placeholder="analyst@example.com"
          value={email}
          maxLength={320}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button type="submit" disabled={action.busy || email.trim() === ''}>
          Assign
        </button>
        {assignMe && (
          <button
            type="button"
            disabled={action.busy || attributes['assignee-id'] === me}
            onClick={assignMe}
            title="Shortcut: m"
            data-testid="assign-me"
          >
            Assign to me
          </button>
        )}
      </form>
      <form
        className="case-action"
        onSubmit={submit(() => api.cases.update(id, { queueId: queue === '' ? null : queue }))}
      >
        <label htmlFor={`${id}-queue`}>Queue</label>
        <select id={`${id}-queue`} className="text-input" value={queue} onChange={(e) => setQueue(e.target.value)}>
          <option value="">No queue</option>
          {queues
            .filter((q) => q.attributes.status === 'active' || q.id === currentQueue)
            .map((q) => (
              <option key={q.id} value={q.id}>
                {q.attributes.name}
              </option>
            ))}
        </select>
        <button type="submit" disabled={action.busy || queue === currentQueue}>
          Move
        </button>
      </form>
      <form className="case-action" onSubmit={submit(() => api.cases.update(id, { slaExpiresInSeconds: slaSeconds }))}>
        <label htmlFor={`${id}-sla`}>SLA in</label>
        <input
          id={`${id}-sla`}
          className="text-input case-action-number"
          inputMode="decimal"
          value={slaAmount}
          onChange={(e) => setSlaAmount(e.target.value)}
        />
        <select
          aria-label="SLA unit"
          className="text-input"
          value={slaUnit}
          onChange={(e) => setSlaUnit(e.target.value as SlaUnit)}
        >
          {Object.keys(slaUnits).map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </select>
        <button type="submit" disabled={action.busy || !(slaSeconds >= 1)}>
          Set SLA
        </button>
        <button
          type="button"
          disabled={action.busy || attributes['sla-expires-at'] === null}
          onClick={() => void change(() => api.cases.update(id, { slaExpiresInSeconds: null }))}
        >
          Clear SLA
        </button>
      </form>
      <div className="case-action">
        <button
          type="button"
          className="button-danger"
          disabled={action.busy || attributes['redacted-at'] !== null}
          onClick={() => setRedacting(true)}
        >
          {attributes['redacted-at'] === null ? 'Redact…' : 'Redacted'}
        </button>
      </div>
      {action.error !== null && <ErrorMessage>{action.error}</ErrorMessage>}
      {redacting && (
        <FormDialog
          title={`Redact ${attributes.name}?`}
          submitLabel="Redact case"
          busyLabel="Redacting…"
          danger
          onSubmit={async () => onChanged(await api.cases.redact(id))}
          onClose={() => setRedacting(false)}
        >
          <p>
            Every field of {attributes.name} is emptied for good. The case, its status and its timeline stay. This
            cannot be undone.
          </p>
        </FormDialog>
      )}
    </section>
  );
}
