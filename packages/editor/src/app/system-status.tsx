import type { Readiness } from '../api/readiness.ts';

/** The api's readiness as a coloured dot and a label; `checking` until the first answer. */
export function SystemStatus({ readiness }: { readiness: Readiness | undefined }) {
  const state = readiness?.state ?? 'checking';
  const label = readiness?.label ?? 'Checking…';
  return (
    <span className="system-status" role="status" data-testid="system-status" data-state={state}>
      <span className="system-status-dot" aria-hidden="true" />
      <span className="visually-hidden">System status: </span>
      {label}
    </span>
  );
}
