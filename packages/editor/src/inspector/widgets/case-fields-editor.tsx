import type { FieldProps } from '../field-props.ts';
import { RecordField } from '../fields/record-field.tsx';
import { ValueField } from '../fields/value-field.tsx';
import { IssueList, useFieldIssues } from '../field-issues.tsx';
import { paramsPointer } from '../form/form-path.ts';
import { asRecord, withProperty } from '../form/immutable.ts';
import { hintText } from '../form/value-text.ts';
import { useInspectorScope } from '../inspector-scope.ts';
import type { FieldSchema } from '@casework/shared';

const hintOf = (field: FieldSchema) =>
  field.type === 'choice' || field.type === 'multi-choice'
    ? { type: field.type, choices: field.config.choices }
    : { type: field.type };

/**
 * `fields` of `case.create`: one row per field of the chosen template (its label, key and type; a literal or
 * an expression; empty leaves the field unset), then any keys the template doesn't have, to remove. Without a
 * known template, plain key/value rows.
 */
export function CaseFieldsEditor(props: FieldProps) {
  const { path, field, value, onChange, label } = props;
  const { template } = useInspectorScope();
  const issues = useFieldIssues(paramsPointer(path));
  if (!template || field.kind !== 'record')
    return field.kind === 'record' ? <RecordField {...props} field={field} /> : null;
  const record = asRecord(value ?? field.default);
  const known = new Set(template.fieldSchemas.map((schema) => schema.key));
  const extra = Object.keys(record).filter((key) => !known.has(key));
  return (
    <fieldset className="inspector-group" data-path={paramsPointer(path)}>
      <legend className="inspector-legend">{label}</legend>
      <p className="inspector-hint">Fields of {template.key}; leave one empty to not set it.</p>
      <IssueList issues={issues} />
      {template.fieldSchemas.length === 0 && <p className="inspector-empty">{template.key} has no fields.</p>}
      {template.fieldSchemas.map((schema) => {
        const hint = hintOf(schema);
        return (
          <ValueField
            key={schema.key}
            path={[...path, schema.key]}
            field={{ kind: 'value' }}
            value={record[schema.key]}
            label={schema.label ?? schema.key}
            required={false}
            hint={hint}
            describe={`${schema.key} · ${hintText(hint)}${schema.required ? ' · required' : ''}`}
            onChange={(next) => onChange(withProperty(record, schema.key, next))}
          />
        );
      })}
      {extra.map((key) => (
        <div key={key} className="inspector-entry">
          <ValueField
            path={[...path, key]}
            field={{ kind: 'value' }}
            value={record[key]}
            label={`${key} (not a field of ${template.key})`}
            required={false}
            onChange={(next) => onChange(withProperty(record, key, next))}
          />
          <button
            type="button"
            className="inspector-remove"
            onClick={() => onChange(withProperty(record, key, undefined))}
          >
            Remove {key}
          </button>
        </div>
      ))}
    </fieldset>
  );
}
