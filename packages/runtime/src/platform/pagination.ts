import type { Collection, Document, Filter } from 'mongodb';

export interface PageQuery {
  'page[size]': number;
  'page[after]'?: string | undefined;
  'page[before]'?: string | undefined;
}

export interface Page<T> {
  items: T[];
  links: { prev: string | null; next: string | null };
}

/**
 * Cursor pagination over `_id` (our ids sort by creation time), newest first: `page[after]=<id>` gives older
 * items than that id, `page[before]=<id>` newer ones. One extra item is fetched to know whether a next page
 * exists; the links are ready-to-call URLs that keep the caller's filters.
 */
export async function paginate<T extends Document & { _id: string }>(
  collection: Collection<T>,
  filter: Filter<T>,
  query: PageQuery,
  url: { path: string; search: URLSearchParams },
): Promise<Page<T>> {
  const size = query['page[size]'];
  const after = query['page[after]'];
  const before = query['page[before]'];
  const cursor = before ? { _id: { $gt: before } } : after ? { _id: { $lt: after } } : {};
  const found = await collection
    .find({ $and: [filter, cursor] } as Filter<T>)
    .sort({ _id: before ? 1 : -1 })
    .limit(size + 1)
    .toArray();
  const hasMore = found.length > size;
  const items = (before ? found.slice(0, size).reverse() : found.slice(0, size)) as T[];
  const first = items[0]?._id;
  const last = items.at(-1)?._id;

  const link = (key: 'page[after]' | 'page[before]', id: string) => {
    const search = new URLSearchParams(url.search);
    search.delete('page[after]');
    search.delete('page[before]');
    search.set(key, id);
    return `${url.path}?${search.toString().replace(/%5B/g, '[').replace(/%5D/g, ']')}`;
  };
  const olderExists = before ? true : hasMore;
  const newerExists = before ? hasMore : Boolean(after);
  return {
    items,
    links: {
      next: olderExists && last ? link('page[after]', last) : null,
      prev: newerExists && first ? link('page[before]', first) : null,
    },
  };
}

/** Splits a request URL into the path and its query, for building page links. */
export function requestUrl(rawUrl: string): { path: string; search: URLSearchParams } {
  const [path = '', search = ''] = rawUrl.split('?', 2);
  return { path, search: new URLSearchParams(search) };
}
