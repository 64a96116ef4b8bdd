import { useCallback, useEffect, useState } from 'react';
import { isApiRequestError } from '../api/api-error.ts';
import { describeError, isAbort } from '../ui/describe-error.ts';

/**
 * Something read from the API: loading the first time, failed (with the message, and whether it was a 403 or
 * 404), or loaded. A reload keeps showing what was loaded until the new answer arrives (`refreshing`), so live
 * updates don't flash a loading state.
 */
export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'failed'; error: string; httpStatus: number }
  | { status: 'loaded'; value: T; refreshing: boolean };

/**
 * Runs `load` (stable, via useCallback) now and whenever it changes; `reload` runs it again. When `subject` changes
 * (another page of cases, another case; by default whenever `load` does) the old value gives way to loading.
 */
export function useLoaded<T>(load: (signal: AbortSignal) => Promise<T>, subject?: string) {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const identity = subject ?? load;
  const [previous, setPrevious] = useState<unknown>(() => identity);
  if (previous !== identity) {
    setPrevious(() => identity);
    setState({ status: 'loading' });
  }
  useEffect(() => {
    const controller = new AbortController();
    setState((current) => (current.status === 'loaded' ? { ...current, refreshing: true } : current));
    load(controller.signal).then(
      (value) => setState({ status: 'loaded', value, refreshing: false }),
      (error: unknown) => {
        if (isAbort(error)) return;
        const httpStatus = isApiRequestError(error) ? error.status : 0;
        setState({ status: 'failed', error: describeError(error), httpStatus });
      },
    );
    return () => controller.abort();
  }, [load, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const put = useCallback((value: T) => setState({ status: 'loaded', value, refreshing: false }), []);
  return { state, reload, put };
}
