/**
 * What the inspector renders for one value of a node's params, derived from the kind's JSON schema: a small
 * union the form components switch on, instead of JSON Schema's open-ended keywords.
 */
export type FieldDescriptor =
  | TextDescriptor
  | NumberDescriptor
  | (DescriptorBase & { kind: 'boolean' })
  | (DescriptorBase & { kind: 'enum'; options: readonly string[] })
  | (DescriptorBase & { kind: 'constant'; value: unknown })
  /** Any JSON value: a literal, or a string holding `{{ … }}` expressions (the shared `valueSchema`). */
  | (DescriptorBase & { kind: 'value' })
  | (DescriptorBase & { kind: 'list'; item: FieldDescriptor; minItems?: number; maxItems?: number })
  | ObjectDescriptor
  | (DescriptorBase & { kind: 'record'; value: FieldDescriptor; keyPattern?: string })
  | UnionDescriptor
  /** A shape the generic form has no control for: edited as JSON text. */
  | (DescriptorBase & { kind: 'json' });

export interface DescriptorBase {
  /** The schema's default, used when the params leave the value out. */
  default?: unknown;
  /** The value may also be null. */
  nullable?: boolean;
}

export interface TextDescriptor extends DescriptorBase {
  kind: 'text';
  /** The string must be one `{{ … }}` expression (the shared `expressionSchema`). */
  expression: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

export interface NumberDescriptor extends DescriptorBase {
  kind: 'number';
  integer: boolean;
  minimum?: number;
  maximum?: number;
}

export interface PropertyDescriptor {
  key: string;
  required: boolean;
  field: FieldDescriptor;
}

export interface ObjectDescriptor extends DescriptorBase {
  kind: 'object';
  properties: readonly PropertyDescriptor[];
}

/** One variant of a discriminated union: its discriminator value and its other properties. */
export interface UnionVariant {
  value: string;
  properties: readonly PropertyDescriptor[];
}

export interface UnionDescriptor extends DescriptorBase {
  kind: 'union';
  discriminator: string;
  /** How many of a variant's properties the schema lists before the discriminator: the form keeps that order. */
  discriminatorAt: number;
  variants: readonly UnionVariant[];
}

export type FieldKind = FieldDescriptor['kind'];
