import { useEffect, useState } from 'react';
import { describeReadiness, NO_RESPONSE, type Readiness } from './readiness.ts';

const POLL_INTERVAL_MS = 5_000;
const REQUEST_TIMEOUT_MS = 4_000;

/**
 * Polls the api's `GET /readyz` every five seconds (the next poll starts once the previous one ended).
 * Returns `undefined` until the first answer arrives.
 */
export function useReadiness(url = '/readyz', intervalMs = POLL_INTERVAL_MS): Readiness | undefined {
  const [readiness, setReadiness] = useState<Readiness>();

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const poll = async (): Promise<void> => {
      const next = await fetchReadiness(url, controller.signal);
      if (controller.signal.aborted) return;
      setReadiness((previous) => (previous && sameReadiness(previous, next) ? previous : next));
      timer = setTimeout(() => void poll(), intervalMs);
    };
    void poll();

    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [url, intervalMs]);

  return readiness;
}

async function fetchReadiness(url: string, unmounted: AbortSignal): Promise<Readiness> {
  const signal = AbortSignal.any([unmounted, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]);
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store', signal });
    return describeReadiness(response.status, parseJson(await response.text()));
  } catch {
    return describeReadiness(NO_RESPONSE, undefined);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sameReadiness(a: Readiness, b: Readiness): boolean {
  return a.state === b.state && a.label === b.label && a.failing.join() === b.failing.join();
}
