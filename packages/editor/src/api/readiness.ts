/** What the editor shows about the api's `GET /readyz` answer. */
export interface Readiness {
  state: 'ready' | 'degraded' | 'unreachable';
  label: string;
  /** Names of the api's checks that are not ok (`mongodb`, `temporal`, …), in the api's order. */
  failing: string[];
}

/** Passed as `status` when no HTTP answer arrived at all (network error, timeout). */
export const NO_RESPONSE = 0;

const checkLabels: Record<string, string> = { mongodb: 'MongoDB', temporal: 'Temporal' };

/**
 * Maps the api's readiness answer to a state and a short label. The api answers
 * 200 `{ status: 'ready', checks: { mongodb: { ok: true }, … } }` or
 * 503 `{ status: 'unavailable', checks: { mongodb: { ok: false, error }, … } }`;
 * anything that isn't such an answer means we are not talking to the api.
 */
export function describeReadiness(status: number, body: unknown): Readiness {
  const checks = readChecks(body);
  if (status === NO_RESPONSE || checks === undefined) {
    const label = status === NO_RESPONSE ? 'API unreachable' : `API unreachable (HTTP ${status})`;
    return { state: 'unreachable', label, failing: [] };
  }
  const failing = Object.entries(checks)
    .filter(([, check]) => !isOk(check))
    .map(([name]) => name);
  if (status === 200 && failing.length === 0 && (body as { status?: unknown }).status === 'ready') {
    return { state: 'ready', label: 'Ready', failing };
  }
  const label = failing.length === 0 ? 'Not ready' : `${joinNames(failing.map(checkLabel))} unavailable`;
  return { state: 'degraded', label, failing };
}

function readChecks(body: unknown): Record<string, unknown> | undefined {
  if (!isRecord(body) || typeof body.status !== 'string' || !isRecord(body.checks)) return undefined;
  return body.checks;
}

function isOk(check: unknown): boolean {
  return isRecord(check) && check.ok === true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkLabel(name: string): string {
  return checkLabels[name] ?? name;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
