import { z } from 'zod';

/** `links` of a list: ready-to-call URLs of the neighbouring pages, or null at either end. */
export const pageLinksSchema = z.object({
  prev: z.string().nullable().meta({ example: '/api/v1/cases?page[before]=case_…' }),
  next: z.string().nullable().meta({ example: '/api/v1/cases?page[after]=case_…' }),
});

export const resourceSchema = <T extends string, A extends z.ZodType, R extends z.ZodType | undefined = undefined>(
  type: T,
  attributes: A,
  relationships?: R,
) =>
  z.object({
    type: z.literal(type),
    id: z.string(),
    attributes,
    ...(relationships ? { relationships } : {}),
  });

export const toOne = (type: string) =>
  z.object({ data: z.object({ type: z.literal(type), id: z.string() }).nullable() });
export const toMany = (type: string) =>
  z.object({ data: z.array(z.object({ type: z.literal(type), id: z.string() })) });

/** Cursor pagination and filters arrive as flat query keys: `page[size]`, `filter[status]`. */
export const pageQuery = {
  'page[size]': z.coerce.number().int().min(1).max(100).default(10),
  'page[after]': z.string().min(1).max(200).optional(),
  'page[before]': z.string().min(1).max(200).optional(),
};

export const isoDateTime = z.iso.datetime({ offset: true });
