/** The part of JSON Schema (draft 2020-12) that zod's `toJSONSchema` produces for node params and outputs. */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

export interface JsonSchema {
  /** One type, or several (zod writes a nullable primitive as `['string', 'null']`). */
  type?: JsonType | readonly JsonType[];
  enum?: readonly unknown[];
  const?: unknown;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  description?: string;
}

/** What `toJSONSchema` returns, seen through the subset above (it is plain JSON). */
export const asJsonSchema = (value: unknown): JsonSchema => value as JsonSchema;

/** The schema's types, without `null`, and whether `null` is one of them. */
export function typesOf(schema: JsonSchema): { types: readonly JsonType[]; nullable: boolean } {
  const all = schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;
  return { types: all.filter((type) => type !== 'null'), nullable: all.includes('null') };
}
