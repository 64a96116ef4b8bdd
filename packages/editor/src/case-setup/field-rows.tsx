import { fieldTypes, type FieldType } from '@casework/shared';
import { useId } from 'react';
import { ItemActions } from '../inspector/item-actions.tsx';
import { slotErrors, type FormErrors } from './form-errors.ts';
import { Problems, SelectControl, TextControl } from './form-controls.tsx';
import { RowsFieldset, type TemplatePartProps } from './rows-fieldset.tsx';
import { hasChoices, moved, removed, withField, withNewField, type FieldRow } from './template-form-state.ts';
import { templateSlots } from './template-validation.ts';

const typeOptions = fieldTypes.map((type) => ({ value: type, label: type }));

/** The template's fields: key, type, label, required, and the choices of choice types. */
export function FieldRows({ state, setState, errors }: TemplatePartProps) {
  const count = state.fields.length;
  const edit = (id: number) => (patch: Partial<Omit<FieldRow, 'id'>>) =>
    setState((current) => withField(current, id, patch));
  return (
    <RowsFieldset
      legend="Fields"
      hint={
        <>
          What a case records. Keys start with a lower-case letter and use a–z, 0–9, “-” and “_”; choice types list
          their choices, comma-separated.
        </>
      }
      slot={templateSlots.fields}
      errors={errors}
      addLabel="Add field"
      onAdd={() => setState(withNewField)}
    >
      {count === 0 ? (
        <p className="muted case-setup-rows-empty">No fields: cases of this template carry only their status.</p>
      ) : (
        <div className="case-setup-row case-setup-row-head case-setup-field-row" aria-hidden="true">
          <span>Key</span>
          <span>Type</span>
          <span>Label</span>
          <span>Required</span>
        </div>
      )}
      <ol className="case-setup-row-list">
        {state.fields.map((row, index) => (
          <FieldRowView
            key={row.id}
            row={row}
            index={index}
            count={count}
            errors={errors}
            onEdit={edit(row.id)}
            onMove={(from, to) => setState((current) => ({ ...current, fields: moved(current.fields, from, to) }))}
            onRemove={(at) => setState((current) => ({ ...current, fields: removed(current.fields, at) }))}
          />
        ))}
      </ol>
    </RowsFieldset>
  );
}

interface FieldRowViewProps {
  row: FieldRow;
  index: number;
  count: number;
  errors: FormErrors;
  onEdit: (patch: Partial<Omit<FieldRow, 'id'>>) => void;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

function FieldRowView({ row, index, count, errors, onEdit, onMove, onRemove }: FieldRowViewProps) {
  const requiredId = useId();
  const name = `field ${index + 1}`;
  const slot = (part?: 'key' | 'type' | 'label' | 'choices') => slotErrors(errors, templateSlots.field(index, part));
  return (
    <li data-slot={templateSlots.field(index)}>
      <div className="case-setup-row case-setup-field-row">
        <TextControl
          label={`Key of ${name}`}
          labelHidden
          identifier
          maxLength={64}
          placeholder="e.g. amount"
          value={row.key}
          messages={slot('key')}
          onChange={(key) => onEdit({ key })}
        />
        <SelectControl
          label={`Type of ${name}`}
          labelHidden
          value={row.type}
          options={typeOptions}
          messages={slot('type')}
          onChange={(type) => onEdit({ type: type as FieldType })}
        />
        <TextControl
          label={`Label of ${name}`}
          labelHidden
          maxLength={200}
          placeholder="e.g. Amount"
          value={row.label}
          messages={slot('label')}
          onChange={(label) => onEdit({ label })}
        />
        <span className="case-setup-required">
          <input
            id={requiredId}
            type="checkbox"
            checked={row.required}
            onChange={(event) => onEdit({ required: event.target.checked })}
          />
          <label htmlFor={requiredId}>
            <span className="visually-hidden">Field {index + 1} is </span>
            required
          </label>
        </span>
        <ItemActions name={name} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      {hasChoices(row.type) && (
        <TextControl
          className="case-setup-choices"
          label={`Choices of ${name}`}
          labelHidden
          placeholder="Choices, comma-separated: e.g. DE, FR, US"
          value={row.choices}
          messages={slot('choices')}
          onChange={(choices) => onEdit({ choices })}
        />
      )}
      <Problems messages={slot()} />
    </li>
  );
}
