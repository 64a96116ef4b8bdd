import { z } from 'zod';
import { isoDateTime, pageLinksSchema, resourceSchema } from './jsonapi.ts';

/**
 * A secret's name: how nodes refer to it (`signature.secret` of `http.request`). Case-sensitive, stable: renaming
 * one means creating another.
 */
export const secretNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'must be a letter, then up to 63 letters, digits, "_" or "-"')
  .meta({ example: 'persona-webhook' });

/** A secret's value: write-only, never part of any answer. */
const secretValueSchema = z.string().min(1).max(4_096).meta({ example: 'wbhsec_9kQ…' });

export const SECRETS_MAX = 1_000;

export const secretAttributesSchema = z.object({
  name: z.string(),
  'created-at': isoDateTime,
  'updated-at': isoDateTime,
});
export const secretResourceSchema = resourceSchema('secret', secretAttributesSchema).meta({
  id: 'Secret',
  example: {
    type: 'secret',
    id: 'persona-webhook',
    attributes: {
      name: 'persona-webhook',
      'created-at': '2026-12-05T10:00:00.000Z',
      'updated-at': '2026-12-05T10:00:00.000Z',
    },
  },
});
export const secretDocumentSchema = z.object({ data: secretResourceSchema });
/** Every secret, by name (there are at most `SECRETS_MAX`): one page, so both links are null. */
export const secretListSchema = z.object({ data: z.array(secretResourceSchema), links: pageLinksSchema });

export const createSecretRequestSchema = z
  .strictObject({
    data: z.strictObject({ attributes: z.strictObject({ name: secretNameSchema, value: secretValueSchema }) }),
  })
  .meta({
    id: 'CreateSecretRequest',
    example: { data: { attributes: { name: 'persona-webhook', value: 'wbhsec_9kQ…' } } },
  });

export const replaceSecretRequestSchema = z
  .strictObject({ data: z.strictObject({ attributes: z.strictObject({ value: secretValueSchema }) }) })
  .meta({ id: 'ReplaceSecretRequest', example: { data: { attributes: { value: 'wbhsec_new…' } } } });

export const secretNameParams = z.object({ name: secretNameSchema });

export type SecretResource = z.infer<typeof secretResourceSchema>;
