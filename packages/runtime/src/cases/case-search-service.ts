import { searchLimits, type CaseSearchRequest } from '@casework/shared';
import type { Clock } from '../platform/clock.ts';
import { coalescedRead } from '../platform/coalesced-read.ts';
import { UnprocessableError, type UnprocessableIssue } from '../platform/errors.ts';
import type { CaseQueueDocument, StoredCaseDocument } from './case-collections.ts';
import { compileCaseQuery, type CaseFilter } from './case-search-compiler.ts';
import { afterPosition, decodeCursor, encodeCursor, mongoSort, sortKeys } from './case-search-cursor.ts';

// The counts scan every open case (docs/benchmarks.md, "Search"): at most one scan a second per api process, however
// many consoles ask.
const COUNTS_MIN_GAP_MS = 1_000;

export interface CaseSearchDeps {
  cases: {
    search(filter: CaseFilter, sort: Record<string, 1 | -1>, limit: number): Promise<StoredCaseDocument[]>;
    openCountsByQueue(): Promise<{ queueId: string | null; open: number; breached: number }[]>;
  };
  queues: { listActive(): Promise<CaseQueueDocument[]> };
  clock: Clock;
}

export interface CaseSearchPage {
  items: StoredCaseDocument[];
  pageAfter: string | null;
  pageBefore: string | null;
}

export interface QueueCounts {
  queues: { id: string; open: number; breached: number }[];
  unqueuedOpen: number;
}

/** `POST /cases/search` and the queue counts of the reviewer console (docs/architecture.md, "Search"). */
export function createCaseSearchService(deps: CaseSearchDeps) {
  const counts = coalescedRead(
    async (): Promise<QueueCounts> => {
      const [queues, groups] = await Promise.all([deps.queues.listActive(), deps.cases.openCountsByQueue()]);
      const byQueue = new Map(groups.map((group) => [group.queueId, group]));
      return {
        queues: queues.map((queue) => ({
          id: queue._id,
          open: byQueue.get(queue._id)?.open ?? 0,
          breached: byQueue.get(queue._id)?.breached ?? 0,
        })),
        unqueuedOpen: byQueue.get(null)?.open ?? 0,
      };
    },
    { minGapMs: COUNTS_MIN_GAP_MS },
  );

  return {
    async search(request: CaseSearchRequest): Promise<CaseSearchPage> {
      const issues: UnprocessableIssue[] = [];
      const query = compileCaseQuery(request?.query, deps.clock());
      if (!query.ok) issues.push(...query.issues);
      const sorted = sortKeys(request?.sort);
      if ('issues' in sorted) issues.push(...sorted.issues);
      const page = request?.page;
      const size = page?.size ?? searchLimits.defaultPageSize;
      if (page?.after !== undefined && page.before !== undefined) {
        issues.push({ pointer: '/page/before', message: 'give page.after or page.before, not both' });
      }
      const backward = page?.before !== undefined;
      const cursorText = page?.before ?? page?.after;
      let position: CaseFilter | null = null;
      if (cursorText !== undefined && 'keys' in sorted) {
        const decoded = decodeCursor(sorted.keys, cursorText, backward ? '/page/before' : '/page/after');
        if ('issue' in decoded) issues.push(decoded.issue);
        else position = afterPosition(sorted.keys, decoded.values, backward);
      }
      if (issues.length > 0 || !query.ok || !('keys' in sorted)) throw UnprocessableError.fromIssues(issues);

      const filter = position ? { $and: [query.filter, position] } : query.filter;
      const found = await deps.cases.search(filter, mongoSort(sorted.keys, backward), size + 1);
      const more = found.length > size;
      const items = backward ? found.slice(0, size).reverse() : found.slice(0, size);
      const first = items[0];
      const last = items.at(-1);
      // Going forward, what lies before is known to exist when a cursor led here; going backward, what lies after.
      const hasAfter = backward ? cursorText !== undefined : more;
      const hasBefore = backward ? more : cursorText !== undefined;
      return {
        items,
        pageAfter: hasAfter && last ? encodeCursor(sorted.keys, last) : null,
        pageBefore: hasBefore && first ? encodeCursor(sorted.keys, first) : null,
      };
    },

    /** Open and breached cases per active queue, and open cases in no queue: one pass over the open cases. */
    counts,
  };
}

export type CaseSearchService = ReturnType<typeof createCaseSearchService>;
