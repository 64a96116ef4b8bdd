import { z } from 'zod';
import { jsonValueSchema } from '../api/json-value.ts';
import { label } from '../api/text.ts';
import { variableLimits, variableTypes } from '../variables/run-variables.ts';

/** Node and edge ids are editor-chosen identifiers, also used as `steps.<id>` in expressions. */
export const graphIdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'must start with a letter and contain only letters, digits, "_" and "-"');

export const graphNodeSchema = z.strictObject({
  id: graphIdSchema,
  kind: z.string().min(1).max(100),
  version: z.number().int().min(1),
  label: label(200).optional(),
  position: z.strictObject({ x: z.number(), y: z.number() }),
  /** Validated against the kind's params schema by `compile`, so a draft may hold anything here. */
  params: z.record(z.string(), z.unknown()).default({}),
});

export const graphEdgeSchema = z.strictObject({
  id: graphIdSchema,
  source: z.string(),
  sourceHandle: z.string().optional(),
  target: z.string(),
});

/** A run variable the workflow declares (`vars.<name>` in expressions); names and defaults are checked by `compile`. */
export const variableDeclarationSchema = z.strictObject({
  name: z.string().max(64),
  type: z.enum(variableTypes),
  default: jsonValueSchema.optional(),
});

export const graphSchema = z.strictObject({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  variables: z.array(variableDeclarationSchema).max(variableLimits.count).optional(),
});

export type GraphNode = z.infer<typeof graphNodeSchema>;
export type GraphEdge = z.infer<typeof graphEdgeSchema>;
export type Graph = z.infer<typeof graphSchema>;
