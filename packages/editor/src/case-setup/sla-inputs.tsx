import type { CaseQueueResource } from '@casework/shared';
import type { ListLoadState } from '../ui/loadable-list.tsx';
import { slotErrors } from './form-errors.ts';
import { SelectControl, TextControl } from './form-controls.tsx';
import type { TemplatePartProps } from './rows-fieldset.tsx';
import type { SlaUnit, TemplateFormState } from './template-form-state.ts';
import { templateSlots } from './template-validation.ts';

const unitOptions = [
  { value: 'hours', label: 'hours' },
  { value: 'days', label: 'days' },
];

interface SlaInputsProps extends TemplatePartProps {
  queues: ListLoadState<CaseQueueResource>;
}

/** The optional default SLA of new cases, and the queue a case moves to when its SLA expires. */
export function SlaInputs({ state, setState, errors, queues }: SlaInputsProps) {
  const set = (patch: Partial<TemplateFormState>) => setState((current) => ({ ...current, ...patch }));
  return (
    <fieldset className="case-setup-rows">
      <legend>SLA (optional)</legend>
      <p className="form-field-hint">
        How long a new case has, unless the step creating it sets its own. When the time is up, the case moves to the
        breach queue, if one is chosen (create queues under Case queues below).
      </p>
      <div className="case-setup-sla">
        <TextControl
          label="Default SLA"
          inputMode="decimal"
          placeholder="none"
          value={state.slaAmount}
          messages={slotErrors(errors, templateSlots.sla)}
          onChange={(slaAmount) => set({ slaAmount })}
        />
        <SelectControl
          label="SLA unit"
          value={state.slaUnit}
          options={unitOptions}
          messages={[]}
          onChange={(unit) => set({ slaUnit: unit as SlaUnit })}
        />
        <SelectControl
          className="case-setup-breach-queue"
          label="SLA breach queue"
          value={state.breachQueueId}
          options={breachQueueOptions(queues, state.breachQueueId)}
          disabled={queues.status !== 'loaded'}
          messages={slotErrors(errors, templateSlots.breachQueue)}
          hint={queues.status === 'failed' ? 'The queues could not be loaded (see Case queues below).' : undefined}
          onChange={(breachQueueId) => set({ breachQueueId })}
        />
      </div>
    </fieldset>
  );
}

/** Active queues by name; a chosen queue that was archived meanwhile stays visible, marked, so it can be changed. */
function breachQueueOptions(queues: ListLoadState<CaseQueueResource>, current: string) {
  if (queues.status === 'loading') return [{ value: current, label: 'Loading queues…' }];
  const none = { value: '', label: '— none —' };
  if (queues.status === 'failed') return [none];
  const options = queues.items
    .filter((queue) => queue.attributes.status === 'active' || queue.id === current)
    .map((queue) => ({
      value: queue.id,
      label: queue.attributes.status === 'active' ? queue.attributes.name : `${queue.attributes.name} (archived)`,
    }));
  return [none, ...options];
}
