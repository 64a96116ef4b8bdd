import type { FieldDescriptor } from '../schema/field-descriptor.ts';
import { widgetFor } from './field-widgets.ts';
import { paramsPointer, type FormPath } from './form-path.ts';
import { asList, asRecord } from './immutable.ts';

/**
 * The JSON pointers of every control the form renders for `params` (each object, list item, record entry,
 * widget row), so compile issues can be shown next to the deepest control their path points into.
 */
export function formPointers(kind: string, form: FieldDescriptor, params: unknown): Set<string> {
  const pointers = new Set<string>();
  const visit = (field: FieldDescriptor, value: unknown, path: FormPath): void => {
    pointers.add(paramsPointer(path));
    const widget = path.length === 0 ? null : widgetFor(kind, path, field);
    if (widget === 'case-fields') {
      for (const key of Object.keys(asRecord(value))) pointers.add(paramsPointer([...path, key]));
      return;
    }
    if (widget === 'payload-schema') {
      asList(value).forEach((_, index) => {
        for (const key of ['', 'key', 'type', 'required']) {
          pointers.add(paramsPointer(key === '' ? [...path, index] : [...path, index, key]));
        }
      });
      return;
    }
    if (widget !== null) return;
    switch (field.kind) {
      case 'object':
        for (const property of field.properties) {
          const inner = asRecord(value)[property.key] ?? property.field.default;
          visit(property.field, inner, [...path, property.key]);
        }
        return;
      case 'list':
        asList(value).forEach((item, index) => visit(field.item, item, [...path, index]));
        return;
      case 'record':
        for (const [key, inner] of Object.entries(asRecord(value))) visit(field.value, inner, [...path, key]);
        return;
      case 'union': {
        const record = asRecord(value);
        const variant = field.variants.find((candidate) => candidate.value === record[field.discriminator]);
        pointers.add(paramsPointer([...path, field.discriminator]));
        for (const property of variant?.properties ?? []) {
          visit(property.field, record[property.key], [...path, property.key]);
        }
        return;
      }
      default:
        return;
    }
  };
  visit(form, params, []);
  return pointers;
}
