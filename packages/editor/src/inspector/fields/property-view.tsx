import { useContext } from 'react';
import type { FieldProps } from '../field-props.ts';
import { FieldView } from '../field-view.tsx';
import type { FormPath } from '../form/form-path.ts';
import { asRecord, withProperty } from '../form/immutable.ts';
import { InspectorScopeContext } from '../inspector-scope.ts';
import type { PropertyDescriptor } from '../schema/field-descriptor.ts';
import { fieldLabel } from '../schema/field-labels.ts';
import { initialValue } from '../schema/initial-value.ts';

interface PropertyViewProps {
  /** Path of the object the property belongs to. */
  parent: FormPath;
  property: PropertyDescriptor;
  /** The object as drafted (or its default). */
  object: unknown;
  onObjectChange: FieldProps['onChange'];
}

const containers = new Set(['object', 'list', 'record', 'union']);

/**
 * One property of an object. An optional group without a default (an SLA) is added and removed as a whole;
 * a property left out shows its default, and editing it writes the property.
 */
export function PropertyView({ parent, property, object, onObjectChange }: PropertyViewProps) {
  const { key, field, required } = property;
  const value = asRecord(object)[key];
  const label = fieldLabel(key, useContext(InspectorScopeContext)?.kind);
  const path = [...parent, key];
  const onChange = (next: unknown) => onObjectChange(withProperty(object, key, next));
  const toggled = !required && field.default === undefined && containers.has(field.kind);
  if (toggled && value === undefined) {
    return (
      <button type="button" className="inspector-add" onClick={() => onChange(initialValue(field))}>
        Add {label}
      </button>
    );
  }
  return (
    <div className="inspector-property">
      <FieldView path={path} field={field} value={value} label={label} required={required} onChange={onChange} />
      {toggled && (
        <button type="button" className="inspector-remove" onClick={() => onChange(undefined)}>
          Remove {label}
        </button>
      )}
    </div>
  );
}
