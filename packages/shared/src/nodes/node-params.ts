import { z } from 'zod';
import { jsonValueSchema } from '../api/json-value.ts';
import { durationSeconds, type DurationUnit } from './duration.ts';

export { durationSeconds, type DurationUnit };

/** A `{{ … }}` string: its content is a JSONata expression, checked by `compile`. */
export const expressionSchema = z
  .string()
  .max(10_000)
  .regex(/^\s*\{\{[\s\S]*\}\}\s*$/, 'must be an expression "{{ … }}"');

/** A parameter value: any JSON literal, or a string holding `{{ … }}` expressions. */
export const valueSchema = jsonValueSchema;

/** A reference to the upstream node whose output carries the case to act on. */
export const caseRefSchema = z.strictObject({ node: z.string().min(1) });

/** A duration of whole units, at most `maxSeconds` long. */
export function durationSchema<const U extends DurationUnit>(units: readonly [U, ...U[]], maxSeconds: number) {
  return z
    .strictObject({ amount: z.number().int().min(1), unit: z.enum(units) })
    .refine((duration) => durationSeconds(duration) <= maxSeconds, `must be at most ${maxSeconds} seconds`);
}

export const THIRTY_DAYS = 30 * 86_400;
export const NINETY_DAYS = 90 * 86_400;

export const slaSchema = durationSchema(['minutes', 'hours', 'days'], NINETY_DAYS);

/** What every action node accepts besides its own parameters (docs/architecture.md, "Workflows"). */
export const actionOptions = {
  'continue-on-error': z.boolean().default(false),
  retry: z
    .strictObject({
      'max-attempts': z.number().int().min(1).max(100).default(3),
      'initial-interval': durationSchema(['seconds', 'minutes', 'hours'], 86_400).default({
        amount: 1,
        unit: 'seconds',
      }),
    })
    .default({ 'max-attempts': 3, 'initial-interval': { amount: 1, unit: 'seconds' } }),
};

/** An action on an existing case: `case` plus the action's own parameters and the action options. */
export const caseActionParams = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject({ case: caseRefSchema, ...shape, ...actionOptions });

/**
 * An evaluated list of strings (`evaluatedParamsSchema`): an item that is itself a list (an expression giving
 * several ids or tags) is spread into it.
 */
export const evaluatedStrings = (label: string) =>
  z.array(z.union([z.string(), z.array(z.string())]), { error: label }).transform((items): string[] => items.flat());

/** An evaluated SLA (`evaluatedParamsSchema`): the compiler already checked its bounds. */
export const evaluatedSlaSchema = z.object({ amount: z.number(), unit: z.enum(['minutes', 'hours', 'days']) });
