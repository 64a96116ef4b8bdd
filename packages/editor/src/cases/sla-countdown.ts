/** The SLA of a case as the console shows it: none, met, counting down (due soon within the hour), or breached. */
export type SlaView =
  | { kind: 'none' }
  | { kind: 'met' }
  | { kind: 'running'; dueSoon: boolean; text: string }
  | { kind: 'breached'; text: string };

export interface SlaTimes {
  'sla-expires-at': string | null;
  'sla-expired-at': string | null;
  'resolved-at': string | null;
}

/** Within this of its deadline a running SLA is "due soon", as the search's `sla-state` has it. */
export const DUE_SOON_MS = 60 * 60 * 1000;

/**
 * Where the case's SLA stands at `now`. A deadline in the past counts as breached even before the timer has
 * recorded `sla-expired-at` (a second or so later), so the countdown never shows a negative time.
 */
export function slaView(times: SlaTimes, now: number): SlaView {
  const expiresAt = times['sla-expires-at'] === null ? Number.NaN : Date.parse(times['sla-expires-at']);
  const expiredAt = times['sla-expired-at'] === null ? Number.NaN : Date.parse(times['sla-expired-at']);
  if (!Number.isNaN(expiredAt)) return { kind: 'breached', text: `breached ${formatSpan(now - expiredAt)} ago` };
  if (Number.isNaN(expiresAt)) return { kind: 'none' };
  if (times['resolved-at'] !== null) return { kind: 'met' };
  const left = expiresAt - now;
  if (left <= 0) return { kind: 'breached', text: `breached ${formatSpan(-left)} ago` };
  return { kind: 'running', dueSoon: left <= DUE_SOON_MS, text: `due in ${formatSpan(left)}` };
}

/** A span of time, rounded down to what a glance needs: `45 s`, `4 min 05 s`, `1 h 20 min`, `3 d 4 h`. */
export function formatSpan(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}
