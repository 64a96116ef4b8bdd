import type { FormPath } from './form/form-path.ts';
import type { FieldDescriptor } from './schema/field-descriptor.ts';

/** What every control of the form gets: where its value sits, its schema, the value, and how to change it. */
export interface FieldProps<F extends FieldDescriptor = FieldDescriptor> {
  path: FormPath;
  field: F;
  /** The value as drafted (may be absent or of the wrong type: drafts are not validated). */
  value: unknown;
  /** Replaces the value; `undefined` leaves an optional property out. */
  onChange: (next: unknown) => void;
  label: string;
  required: boolean;
  /** A group (object, union) drawn without its own frame and title: a list item draws them. */
  bare?: boolean;
}

export type FieldOf<K extends FieldDescriptor['kind']> = FieldProps<Extract<FieldDescriptor, { kind: K }>>;
