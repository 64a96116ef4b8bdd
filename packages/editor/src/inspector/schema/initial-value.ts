import type { FieldDescriptor, PropertyDescriptor } from './field-descriptor.ts';

/** A value to start a new item or a newly added optional value with: its default, else the emptiest valid-ish one. */
export function initialValue(field: FieldDescriptor): unknown {
  if (field.default !== undefined) return structuredClone(field.default);
  switch (field.kind) {
    case 'text':
    case 'value':
      return '';
    case 'number':
      return field.minimum ?? 0;
    case 'boolean':
      return false;
    case 'enum':
      return field.options[0] ?? '';
    case 'constant':
      return field.value;
    case 'list':
      return [];
    case 'record':
      return {};
    case 'object':
      return initialObject(field.properties);
    case 'union': {
      const [first] = field.variants;
      return first ? { [field.discriminator]: first.value, ...initialObject(first.properties) } : {};
    }
    case 'json':
      return null;
  }
}

/** The required properties, each with its initial value; optional ones stay out (their defaults apply). */
export function initialObject(properties: readonly PropertyDescriptor[]): Record<string, unknown> {
  return Object.fromEntries(
    properties.filter((property) => property.required).map((property) => [property.key, initialValue(property.field)]),
  );
}
