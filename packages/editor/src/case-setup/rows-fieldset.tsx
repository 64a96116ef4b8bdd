import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { slotErrors, type FormErrors } from './form-errors.ts';
import { Problems } from './form-controls.tsx';
import type { TemplateFormState } from './template-form-state.ts';

/** What each part of the "New template" form is given: the whole form's state, and the problems to mark. */
export interface TemplatePartProps {
  state: TemplateFormState;
  setState: Dispatch<SetStateAction<TemplateFormState>>;
  errors: FormErrors;
}

interface RowsFieldsetProps {
  legend: string;
  hint: ReactNode;
  /** The slot of the list as a whole (`statuses`): its problems show under the hint. */
  slot: string;
  errors: FormErrors;
  /** The button adding a row: `Add status`. */
  addLabel: string;
  onAdd: () => void;
  /** The column headings (or why there are no rows), then the rows. */
  children: ReactNode;
}

/** A list of rows the template is made of (statuses, fields), with its problems and an Add button. */
export function RowsFieldset({ legend, hint, slot, errors, addLabel, onAdd, children }: RowsFieldsetProps) {
  return (
    <fieldset className="case-setup-rows" data-slot={slot}>
      <legend>{legend}</legend>
      <p className="form-field-hint">{hint}</p>
      <Problems messages={slotErrors(errors, slot)} />
      {children}
      <button type="button" onClick={onAdd}>
        {addLabel}
      </button>
    </fieldset>
  );
}
