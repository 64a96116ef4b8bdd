import { IssueList, useFieldIssues } from '../field-issues.tsx';
import type { FieldOf } from '../field-props.ts';
import { FieldRow } from '../field-row.tsx';
import { paramsPointer } from '../form/form-path.ts';
import { asRecord, switchVariant } from '../form/immutable.ts';
import { fieldLabel } from '../schema/field-labels.ts';
import { SelectInput } from '../select-input.tsx';
import { FieldGroup } from './field-group.tsx';
import { PropertyView } from './property-view.tsx';

/**
 * A discriminated union (a field operation): a select for the discriminator (`op`) among the chosen variant's
 * properties, in the schema's order. Switching variants keeps what both share and drops the rest.
 */
export function UnionField({ path, field, value, onChange, label, bare }: FieldOf<'union'>) {
  const record = asRecord(value);
  const chosen = typeof record[field.discriminator] === 'string' ? String(record[field.discriminator]) : '';
  const variant = field.variants.find((candidate) => candidate.value === chosen);
  const issues = useFieldIssues(paramsPointer(path));
  const options = field.variants.map((candidate) => ({ value: candidate.value, label: candidate.value }));
  const properties = (variant ?? field.variants[0])?.properties ?? [];
  const view = (from: number, to?: number) =>
    (variant ? properties.slice(from, to) : []).map((property) => (
      <PropertyView key={property.key} parent={path} property={property} object={record} onObjectChange={onChange} />
    ));
  return (
    <FieldGroup path={path} label={label} bare={bare}>
      <IssueList issues={issues} />
      {view(0, field.discriminatorAt)}
      <FieldRow path={[...path, field.discriminator]} label={fieldLabel(field.discriminator)} required>
        {({ inputId, describedBy, invalid }) => (
          <SelectInput
            id={inputId}
            value={chosen}
            options={options}
            empty="Choose…"
            describedBy={describedBy}
            invalid={invalid}
            onChange={(next) => onChange(switchVariant(record, field, next))}
          />
        )}
      </FieldRow>
      {view(field.discriminatorAt)}
    </FieldGroup>
  );
}
