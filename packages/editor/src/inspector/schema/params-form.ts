import { isNodeKind, nodeDefinition, type NodeKind } from '@casework/shared';
import { describeSchema } from './describe-schema.ts';
import type { ObjectDescriptor } from './field-descriptor.ts';
import { asJsonSchema } from './json-schema.ts';

const forms = new Map<NodeKind, ObjectDescriptor>();

/**
 * The form of a kind's params, from its shared zod schema (`io: 'input'`: what a draft may leave out, with
 * defaults). Null for kinds this build doesn't know. Computed once per kind: schemas never change at runtime.
 */
export function paramsForm(kind: string): ObjectDescriptor | null {
  if (!isNodeKind(kind)) return null;
  const known = forms.get(kind);
  if (known) return known;
  const schema = asJsonSchema(nodeDefinition(kind).paramsSchema.toJSONSchema({ io: 'input' }));
  const described = describeSchema(schema);
  // Every params schema is a (strict) object; anything else would be a catalog bug worth seeing.
  if (described.kind !== 'object') throw new Error(`params of "${kind}" are not an object schema`);
  forms.set(kind, described);
  return described;
}
