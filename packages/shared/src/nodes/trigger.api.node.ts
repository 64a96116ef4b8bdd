import { z } from 'zod';
import { fieldKeySchema, fieldTypes } from '../cases/field-schema.ts';
import { defineNode } from './node-definition.ts';
import { summarizeSome, summaryList, summaryRecord, summaryText } from './node-summary-text.ts';

/** Starts a run from `POST /workflows/{id}/trigger`; its output (and `trigger`) is the validated payload. */
export const triggerApiNode = defineNode({
  kind: 'trigger.api',
  version: 1,
  role: 'trigger',
  paramsSchema: z.strictObject({
    fields: z
      .array(z.strictObject({ key: fieldKeySchema, type: z.enum(fieldTypes), required: z.boolean().default(false) }))
      .max(200)
      .default([])
      .refine((fields) => new Set(fields.map((field) => field.key)).size === fields.length, 'keys must be unique'),
  }),
  handles: () => ['next'],
  outputSchema: z.record(z.string(), z.unknown()),
  outputHasCase: false,
  title: 'API trigger',
  description: 'Starts a run from an API call with a typed payload',
  idBase: 'trigger',
  defaults: () => ({ fields: [] }),
  summary: (params) => {
    const keys = summaryList(params.fields).map((field) => summaryText(summaryRecord(field).key) ?? '?');
    return [keys.length === 0 ? 'no payload fields' : `payload: ${summarizeSome(keys) ?? ''}`];
  },
});
