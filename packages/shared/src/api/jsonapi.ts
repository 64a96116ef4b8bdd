import { z } from 'zod';
import { ID_RANDOM_LENGTH, idPrefixes, type IdKind } from '../ids.ts';

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
  // An empty cursor (`page[after]=`) means none, as a form would send it.
  'page[after]': z.string().max(200).optional(),
  'page[before]': z.string().max(200).optional(),
};

/**
 * `pageQuery` for a list of `kind` records: a cursor must be an id of that kind, so a garbage or foreign cursor
 * is a 400 rather than a silently wrong page.
 */
export const pageQueryOf = (kind: IdKind) => {
  // A pattern rather than a refinement, so the OpenAPI document says what a cursor looks like.
  const cursor = z
    .string()
    .regex(
      new RegExp(`^(?:${idPrefixes[kind]}[A-Za-z0-9_-]{${ID_RANDOM_LENGTH}})?$`),
      `must be a ${idPrefixes[kind]}… id, as in the list's links`,
    )
    .optional();
  return { ...pageQuery, 'page[after]': cursor, 'page[before]': cursor };
};

export const isoDateTime = z.iso.datetime({ offset: true });
