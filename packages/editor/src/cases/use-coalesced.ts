import { useEffect, useRef } from 'react';

/**
 * A trigger for `action` that runs it at most once per `waitMs`, however many times it is pulled: a burst of live
 * events (a workflow changing a case several times, a busy queue) causes one refetch, not one per event.
 */
export function useCoalesced(action: () => void, waitMs = 500): () => void {
  const latest = useRef(action);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  const pull = useRef(() => {
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      latest.current();
    }, waitMs);
  });
  return pull.current;
}
