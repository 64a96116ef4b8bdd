import type { ReactNode } from 'react';
import { ErrorMessage } from './error-message.tsx';

/** A list read from the API: still loading, failed with a message to show, or loaded. */
export type ListLoadState<T> =
  { status: 'loading' } | { status: 'failed'; error: string } | { status: 'loaded'; items: readonly T[] };

interface LoadableListProps<T> {
  state: ListLoadState<T>;
  /** Shown while loading: `Loading workflows…`. */
  loading: string;
  /** Put before the error's own message: `Could not load the workflows.`. */
  failure: string;
  onRetry: () => void;
  /** Shown for a loaded list with no items (nothing, when null). */
  empty: ReactNode;
  /** Renders a loaded list of at least one item. */
  children: (items: readonly T[]) => ReactNode;
}

/** The states every list page goes through, worded alike: loading, failed with Try again, empty, or the items. */
export function LoadableList<T>({ state, loading, failure, onRetry, empty, children }: LoadableListProps<T>) {
  switch (state.status) {
    case 'loading':
      return <p className="muted">{loading}</p>;
    case 'failed':
      return (
        <ErrorMessage
          action={
            <button type="button" onClick={onRetry}>
              Try again
            </button>
          }
        >
          {failure} {state.error}
        </ErrorMessage>
      );
    case 'loaded':
      return state.items.length === 0 ? empty : children(state.items);
  }
}
