import { describe, expect, it } from 'vitest';
import { formatSpan, slaView } from '../../src/cases/sla-countdown.ts';

const now = Date.parse('2026-12-05T12:00:00Z');
const times = (expiresAt: string | null, expiredAt: string | null = null, resolvedAt: string | null = null) => ({
  'sla-expires-at': expiresAt,
  'sla-expired-at': expiredAt,
  'resolved-at': resolvedAt,
});

describe('SLA countdown', () => {
  it('counts down to the deadline, due soon within the last hour', () => {
    expect(slaView(times('2026-12-05T14:30:00Z'), now)).toEqual({
      kind: 'running',
      dueSoon: false,
      text: 'due in 2 h 30 min',
    });
    expect(slaView(times('2026-12-05T13:00:00Z'), now)).toEqual({
      kind: 'running',
      dueSoon: true,
      text: 'due in 1 h 00 min',
    });
    expect(slaView(times('2026-12-05T12:04:05Z'), now)).toEqual({
      kind: 'running',
      dueSoon: true,
      text: 'due in 4 min 05 s',
    });
  });

  it('shows a breach from the moment the deadline passes, before the timer records it', () => {
    expect(slaView(times('2026-12-05T11:59:58Z'), now)).toEqual({ kind: 'breached', text: 'breached 2 s ago' });
    expect(slaView(times('2026-12-05T10:00:00Z', '2026-12-05T10:00:01Z'), now)).toEqual({
      kind: 'breached',
      text: 'breached 1 h 59 min ago',
    });
  });

  it('a resolved case met its SLA unless it had breached; no deadline, no SLA', () => {
    expect(slaView(times('2026-12-05T14:00:00Z', null, '2026-12-05T11:00:00Z'), now)).toEqual({ kind: 'met' });
    expect(slaView(times('2026-12-05T10:00:00Z', '2026-12-05T10:00:00Z', '2026-12-05T11:00:00Z'), now).kind).toBe(
      'breached',
    );
    expect(slaView(times(null), now)).toEqual({ kind: 'none' });
  });

  it('formats spans from seconds to days', () => {
    expect(formatSpan(999)).toBe('0 s');
    expect(formatSpan(59_000)).toBe('59 s');
    expect(formatSpan(3 * 86_400_000 + 4 * 3_600_000 + 59_000)).toBe('3 d 4 h');
    expect(formatSpan(-5)).toBe('0 s');
  });
});
