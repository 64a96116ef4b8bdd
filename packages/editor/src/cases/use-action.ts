import { useCallback, useState } from 'react';
import { isApiRequestError } from '../api/api-error.ts';
import { describeError } from '../ui/describe-error.ts';

/** A write of the case page: busy while it runs, its failure kept to show next to its control (a 403 said plainly). */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (failure) {
      setError(
        isApiRequestError(failure) && failure.status === 403
          ? `Your role may not do this. ${describeError(failure)}`
          : describeError(failure),
      );
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: useCallback(() => setError(null), []) };
}
