import { describe, expect, it } from 'vitest';
import { describeReadiness, NO_RESPONSE, type Readiness } from '../src/api/readiness.ts';

const ok = { ok: true };
const down = (error: string) => ({ ok: false, error });

const cases: { name: string; status: number; body: unknown; expected: Readiness }[] = [
  {
    name: 'every check ok',
    status: 200,
    body: { status: 'ready', checks: { mongodb: ok, temporal: ok } },
    expected: { state: 'ready', label: 'Ready', failing: [] },
  },
  {
    name: 'MongoDB down',
    status: 503,
    body: { status: 'unavailable', checks: { mongodb: down('connection refused'), temporal: ok } },
    expected: { state: 'degraded', label: 'MongoDB unavailable', failing: ['mongodb'] },
  },
  {
    name: 'Temporal down',
    status: 503,
    body: { status: 'unavailable', checks: { mongodb: ok, temporal: down('deadline exceeded') } },
    expected: { state: 'degraded', label: 'Temporal unavailable', failing: ['temporal'] },
  },
  {
    name: 'both down',
    status: 503,
    body: { status: 'unavailable', checks: { mongodb: down('a'), temporal: down('b') } },
    expected: { state: 'degraded', label: 'MongoDB and Temporal unavailable', failing: ['mongodb', 'temporal'] },
  },
  {
    name: 'three down, one of them unknown to the editor',
    status: 503,
    body: { status: 'unavailable', checks: { mongodb: down('a'), temporal: down('b'), search: { ok: false } } },
    expected: {
      state: 'degraded',
      label: 'MongoDB, Temporal and search unavailable',
      failing: ['mongodb', 'temporal', 'search'],
    },
  },
  {
    name: 'unavailable without a failing check',
    status: 503,
    body: { status: 'unavailable', checks: { mongodb: ok, temporal: ok } },
    expected: { state: 'degraded', label: 'Not ready', failing: [] },
  },
  {
    name: 'a 200 that still reports a failing check',
    status: 200,
    body: { status: 'ready', checks: { mongodb: ok, temporal: { ok: 'yes' } } },
    expected: { state: 'degraded', label: 'Temporal unavailable', failing: ['temporal'] },
  },
  {
    name: 'no response at all',
    status: NO_RESPONSE,
    body: undefined,
    expected: { state: 'unreachable', label: 'API unreachable', failing: [] },
  },
  {
    name: 'a proxy error instead of the api',
    status: 502,
    body: undefined,
    expected: { state: 'unreachable', label: 'API unreachable (HTTP 502)', failing: [] },
  },
  {
    name: 'an HTML page instead of the api',
    status: 200,
    body: '<!doctype html>',
    expected: { state: 'unreachable', label: 'API unreachable (HTTP 200)', failing: [] },
  },
  {
    name: 'JSON without checks',
    status: 200,
    body: { status: 'ready' },
    expected: { state: 'unreachable', label: 'API unreachable (HTTP 200)', failing: [] },
  },
];

describe('describeReadiness', () => {
  it.each(cases)('$name', ({ status, body, expected }) => {
    expect(describeReadiness(status, body)).toEqual(expected);
  });
});
