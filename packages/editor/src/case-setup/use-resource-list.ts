import { useCallback, useEffect, useState } from 'react';
import { describeError, isAbort } from '../ui/describe-error.ts';
import type { ListLoadState } from '../ui/loadable-list.tsx';

interface Identified {
  id: string;
  attributes: { status: 'active' | 'archived' };
}

/** Active records first, each group keeping the API's order (newest first). */
export function activeFirst<T extends Identified>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) => Number(a.attributes.status === 'archived') - Number(b.attributes.status === 'archived'),
  );
}

/**
 * Every record of a list (`load` follows the list's pages; `load` must be stable), with what this page changes
 * applied in place rather than refetched: a created record joins the top, an archived (revoked, disabled) one is
 * replaced. `order` sorts them (stable too): templates and queues come active first.
 */
export function useResourceList<T extends { id: string }>(
  load: (signal: AbortSignal) => Promise<T[]>,
  order: (items: readonly T[]) => T[],
) {
  const [state, setState] = useState<ListLoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (items) => setState({ status: 'loaded', items: order(items) }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'failed', error: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [load, order, attempt]);

  const put = useCallback(
    (changed: T) => {
      setState((current) => {
        if (current.status !== 'loaded') return current;
        const known = current.items.some((item) => item.id === changed.id);
        const items = known
          ? current.items.map((item) => (item.id === changed.id ? changed : item))
          : [changed, ...current.items];
        return { status: 'loaded', items: order(items) };
      });
    },
    [order],
  );

  return { state, put, reload: useCallback(() => setAttempt((n) => n + 1), []) };
}
