import { statusTypes, type StatusType } from '@casework/shared';
import { ItemActions } from '../inspector/item-actions.tsx';
import { slotErrors } from './form-errors.ts';
import { Problems, SelectControl, TextControl } from './form-controls.tsx';
import { RowsFieldset, type TemplatePartProps } from './rows-fieldset.tsx';
import { moved, removed, withNewStatus, withStatus } from './template-form-state.ts';
import { templateSlots } from './template-validation.ts';

const typeLabels: Record<StatusType, string> = {
  initial: 'initial — where a case starts',
  intermediate: 'intermediate',
  end: 'end — resolves the case',
};
const typeOptions = statusTypes.map((type) => ({ value: type, label: typeLabels[type] }));

/** The template's statuses, in the order pickers list them: name and lifecycle type per row. */
export function StatusRows({ state, setState, errors }: TemplatePartProps) {
  const count = state.statuses.length;
  return (
    <RowsFieldset
      legend="Statuses"
      hint={
        <>
          Exactly one initial status, where every case starts, and at least one end status: entering one resolves the
          case. Names are lower-case letters, digits, “-” and “_”.
        </>
      }
      slot={templateSlots.statuses}
      errors={errors}
      addLabel="Add status"
      onAdd={() => setState(withNewStatus)}
    >
      <div className="case-setup-row case-setup-row-head case-setup-status-row" aria-hidden="true">
        <span>Name</span>
        <span>Type</span>
      </div>
      <ol className="case-setup-row-list">
        {state.statuses.map((row, index) => {
          const name = `status ${index + 1}`;
          return (
            <li key={row.id} data-slot={templateSlots.status(index)}>
              <div className="case-setup-row case-setup-status-row">
                <TextControl
                  label={`Name of ${name}`}
                  labelHidden
                  identifier
                  maxLength={64}
                  value={row.name}
                  placeholder="e.g. in-review"
                  messages={slotErrors(errors, templateSlots.status(index, 'name'))}
                  onChange={(value) => setState((current) => withStatus(current, row.id, { name: value }))}
                />
                <SelectControl
                  label={`Type of ${name}`}
                  labelHidden
                  value={row.type}
                  options={typeOptions}
                  messages={slotErrors(errors, templateSlots.status(index, 'type'))}
                  onChange={(value) =>
                    setState((current) => withStatus(current, row.id, { type: value as StatusType }))
                  }
                />
                <ItemActions
                  name={name}
                  index={index}
                  count={count}
                  onMove={(from, to) =>
                    setState((current) => ({ ...current, statuses: moved(current.statuses, from, to) }))
                  }
                  onRemove={(at) => setState((current) => ({ ...current, statuses: removed(current.statuses, at) }))}
                />
              </div>
              <Problems messages={slotErrors(errors, templateSlots.status(index))} />
            </li>
          );
        })}
      </ol>
    </RowsFieldset>
  );
}
