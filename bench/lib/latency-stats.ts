export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** The nearest-rank percentile of sorted values (p in 0…100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

export function summarize(values: readonly number[]): LatencySummary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Milliseconds for a table: whole numbers, "–" when there is nothing to show. */
export const ms = (value: number) => (Number.isFinite(value) ? String(Math.round(value)) : '–');
