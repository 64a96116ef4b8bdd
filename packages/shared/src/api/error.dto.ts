import { z } from 'zod';

/** One error of the API's error document (docs/architecture.md, "HTTP API conventions"). */
export const apiErrorSchema = z
  .object({
    title: z.string().meta({ example: 'Bad Request' }),
    details: z.string().meta({ example: "Expected a string at 'data.attributes.name'" }),
    source: z
      .object({
        pointer: z.string().optional().meta({ example: '/data/attributes/name' }),
        parameter: z.string().optional(),
        header: z.string().optional(),
      })
      .optional(),
  })
  .meta({ id: 'Error' });

export const errorDocumentSchema = z
  .object({
    errors: z.array(apiErrorSchema).min(1),
    meta: z.record(z.string(), z.unknown()).optional().meta({
      description: 'Machine-readable detail of some errors, e.g. `issues` of a workflow that fails to compile.',
    }),
  })
  .meta({
    id: 'ErrorDocument',
    example: {
      errors: [
        {
          title: 'Unprocessable Entity',
          details: '"lost" is not a status of this case\'s template (open, in-review, approved, declined)',
          source: { pointer: '/meta/status' },
        },
      ],
    },
  });

export type ApiError = z.infer<typeof apiErrorSchema>;
export type ErrorDocument = z.infer<typeof errorDocumentSchema>;
