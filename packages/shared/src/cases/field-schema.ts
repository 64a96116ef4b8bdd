import { z } from 'zod';
import { singleLine } from '../api/text.ts';

/** The value types a case template's field can have (docs/architecture.md, "Cases"). Persisted: never rename one. */
export const fieldTypes = [
  'string',
  'number',
  'integer',
  'boolean',
  'date',
  'datetime',
  'choice',
  'multi-choice',
  'string-array',
  'object',
] as const;
export type FieldType = (typeof fieldTypes)[number];

/**
 * Field keys are identifiers as webhook JSON names them (camelCase, snake_case or kebab-case): safe as MongoDB keys
 * (no `$` prefix, no dots) and in JSONata paths. Compared exactly: `userId` and `userid` are two keys.
 */
export const fieldKeySchema = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_-]{0,63}$/,
    'must start with a letter and contain only letters, digits, "_" and "-" (≤ 64), e.g. userId, user_id or user-id',
  );

const choicesSchema = z
  .array(z.string().min(1).max(200))
  .min(1)
  .max(500)
  .refine((choices) => new Set(choices).size === choices.length, 'choices must be unique')
  // The refinement checks it; this says it in the OpenAPI document.
  .meta({ uniqueItems: true });

const base = {
  key: fieldKeySchema,
  label: singleLine(200).optional(),
  required: z.boolean().default(false),
};

/** One field of a template; choice types carry their choices in `config.choices`. */
export const fieldSchemaSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('choice'), config: z.strictObject({ choices: choicesSchema }) }),
  z.strictObject({ ...base, type: z.literal('multi-choice'), config: z.strictObject({ choices: choicesSchema }) }),
  ...(['string', 'number', 'integer', 'boolean', 'date', 'datetime', 'string-array', 'object'] as const).map((type) =>
    z.strictObject({ ...base, type: z.literal(type), config: z.strictObject({}).optional() }),
  ),
]);

export type FieldSchema = z.infer<typeof fieldSchemaSchema>;
