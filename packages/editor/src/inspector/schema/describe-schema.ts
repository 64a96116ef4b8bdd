import { expressionSchema } from '@casework/shared';
import type { FieldDescriptor, PropertyDescriptor, UnionVariant } from './field-descriptor.ts';
import { asJsonSchema, typesOf, type JsonSchema } from './json-schema.ts';

/** The pattern zod gives the shared `expressionSchema`: a string that is one `{{ … }}`. */
const expressionPattern = asJsonSchema(expressionSchema.toJSONSchema()).pattern;

/** `z.json()`: any of the six JSON types, arrays and objects of itself. */
const jsonValueTypes = ['string', 'number', 'boolean', 'null', 'array', 'object'] as const;

interface Context {
  defs: Record<string, JsonSchema>;
  /** `$ref`s being resolved along the current branch: a recursive schema stops at its second visit. */
  resolving: ReadonlySet<string>;
}

/** Converts a params JSON schema (zod's `toJSONSchema(schema, { io: 'input' })`) into a field descriptor. */
export function describeSchema(schema: JsonSchema): FieldDescriptor {
  return describe(schema, { defs: schema.$defs ?? {}, resolving: new Set() });
}

function describe(schema: JsonSchema, context: Context): FieldDescriptor {
  const base = schema.default === undefined ? {} : { default: schema.default };
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    const target = context.defs[name];
    if (!target || context.resolving.has(name)) return { kind: 'json', ...base };
    const inner = describe(target, { ...context, resolving: new Set([...context.resolving, name]) });
    return { ...inner, ...base };
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return { ...describeAlternatives(alternatives, context), ...base };
  if (schema.enum) return { kind: 'enum', options: schema.enum.map(String), ...base };
  if (schema.const !== undefined) return { kind: 'constant', value: schema.const, ...base };
  const { types, nullable } = typesOf(schema);
  if (types.length > 1) return { kind: 'json', ...base };
  if (nullable) return { ...describe({ ...schema, type: types[0] }, context), nullable: true };
  switch (types[0]) {
    case 'string':
      return {
        kind: 'text',
        expression: expressionPattern !== undefined && schema.pattern === expressionPattern,
        ...pick(schema, ['minLength', 'maxLength', 'pattern']),
        ...base,
      };
    case 'number':
    case 'integer':
      return {
        kind: 'number',
        integer: schema.type === 'integer',
        ...pick(schema, ['minimum']),
        // zod states the safe-integer bound of every int; it says nothing to a user.
        ...(schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER
          ? { maximum: schema.maximum }
          : {}),
        ...base,
      };
    case 'boolean':
      return { kind: 'boolean', ...base };
    case 'array':
      return {
        kind: 'list',
        item: schema.items ? describe(schema.items, context) : { kind: 'json' },
        ...pick(schema, ['minItems', 'maxItems']),
        ...base,
      };
    case 'object':
      return { ...describeObject(schema, context), ...base };
    default:
      return { kind: 'json', ...base };
  }
}

function describeObject(schema: JsonSchema, context: Context): FieldDescriptor {
  const { properties, additionalProperties } = schema;
  if (!properties && typeof additionalProperties === 'object') {
    const keyPattern = schema.propertyNames?.pattern;
    return {
      kind: 'record',
      value: describe(additionalProperties, context),
      ...(keyPattern === undefined ? {} : { keyPattern }),
    };
  }
  return { kind: 'object', properties: describeProperties(schema, context) };
}

function describeProperties(schema: JsonSchema, context: Context, skip?: string): PropertyDescriptor[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([key]) => key !== skip)
    .map(([key, property]) => ({ key, required: required.has(key), field: describe(property, context) }));
}

function describeAlternatives(alternatives: readonly JsonSchema[], context: Context): FieldDescriptor {
  const present = alternatives.filter((alternative) => typesOf(alternative).types.length > 0);
  const nullable = present.length < alternatives.length;
  const types = new Set(alternatives.flatMap((alternative) => typesOf(alternative).types));
  if (nullable && jsonValueTypes.every((type) => type === 'null' || types.has(type))) return { kind: 'value' };
  const [only] = present;
  if (present.length === 1 && only) {
    const described = describe(only, context);
    return nullable ? { ...described, nullable: true } : described;
  }
  const discriminator = discriminatorOf(present);
  if (discriminator === null) return { kind: 'json' };
  const variants: UnionVariant[] = present.map((variant) => ({
    value: String(variant.properties?.[discriminator]?.const),
    properties: describeProperties(variant, context, discriminator),
  }));
  // Where the schema puts the discriminator among the properties (a field operation: field, op, value).
  const discriminatorAt = Math.max(0, Object.keys(present[0]?.properties ?? {}).indexOf(discriminator));
  return { kind: 'union', discriminator, discriminatorAt, variants };
}

/** The property every alternative fixes to a different string constant (`op` of a field operation), if any. */
function discriminatorOf(alternatives: readonly JsonSchema[]): string | null {
  const [first] = alternatives;
  if (!first?.properties || alternatives.some((alternative) => typesOf(alternative).types[0] !== 'object')) {
    return null;
  }
  for (const key of Object.keys(first.properties)) {
    const values = alternatives.map((alternative) => alternative.properties?.[key]?.const);
    if (values.every((value) => typeof value === 'string') && new Set(values).size === values.length) return key;
  }
  return null;
}

function pick<K extends keyof JsonSchema>(schema: JsonSchema, keys: readonly K[]): Pick<JsonSchema, K> {
  const picked: Pick<JsonSchema, K> = {} as Pick<JsonSchema, K>;
  for (const key of keys) if (schema[key] !== undefined) picked[key] = schema[key];
  return picked;
}
