import { z } from 'zod';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Any JSON value. Like `z.json()`, but named (`JsonValue`): the OpenAPI document lists it once as a component that
 * its own recursion refers to, where an unnamed recursive schema would leave a `$ref` no client can follow
 * (packages/runtime/test/routes/openapi.test.ts checks every `$ref` resolves).
 */
export const jsonValueSchema: z.ZodType<JsonValue> = z
  .lazy(() =>
    z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(jsonValueSchema),
      z.record(z.string(), jsonValueSchema),
    ]),
  )
  .meta({ id: 'JsonValue', description: 'Any JSON value.' });
