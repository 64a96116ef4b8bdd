import { isNodeKind, nodeDefinition, type NodeKind } from '@casework/shared';
import { asJsonSchema, typesOf, type JsonSchema } from '../schema/json-schema.ts';

/** One readable path inside a node's output, with a short type for the suggestion list. */
export interface OutputPath {
  segments: readonly string[];
  type: string;
  /** A record whose keys depend on the graph (a case's `fields`, an API trigger's payload). */
  open: boolean;
}

const cache = new Map<NodeKind, readonly OutputPath[]>();

/**
 * Every path inside `kind`'s output schema (docs/architecture.md, "Workflows"), from the shared zod schema: `case`,
 * `case.id`, …, `event.name`, `waited-until`, `route`; the root itself when it is an open record.
 */
export function outputPaths(kind: string): readonly OutputPath[] {
  if (!isNodeKind(kind)) return [];
  const known = cache.get(kind);
  if (known) return known;
  const schema = nodeDefinition(kind).outputSchema;
  const paths: OutputPath[] = [];
  if (schema) collect(asJsonSchema(schema.toJSONSchema({ io: 'output' })), [], paths);
  cache.set(kind, paths);
  return paths;
}

function collect(schema: JsonSchema, segments: readonly string[], paths: OutputPath[], nullable = false): void {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const present = alternatives.filter((alternative) => typesOf(alternative).types.length > 0);
    const [only] = present;
    if (present.length === 1 && only) collect(only, segments, paths, nullable || present.length < alternatives.length);
    else if (segments.length > 0) paths.push({ segments, type: 'value', open: false });
    return;
  }
  const { types, nullable: orNull } = typesOf(schema);
  const add = (type: string, open = false) => {
    const shown = nullable || orNull ? `${type} or null` : type;
    if (segments.length > 0 || open) paths.push({ segments, type: shown, open });
  };
  const [type] = types;
  if (type === 'object' && schema.properties) {
    add('object');
    for (const [key, property] of Object.entries(schema.properties)) collect(property, [...segments, key], paths);
  } else if (type === 'object') {
    add('object', true);
  } else if (type === 'array') {
    add(`list of ${schema.items ? (typesOf(schema.items).types[0] ?? 'values') : 'values'}`);
  } else {
    add(types.length === 0 ? 'value' : types.join(' or '));
  }
}
