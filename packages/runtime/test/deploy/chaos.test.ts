import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChaos } from '../../../../bench/lib/chaos-run.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

// The short version of bench/chaos.ts (its figures are in docs/reliability.md): a stack of its own, supervised as
// npm start does, under a steady load of triggers, case creations, comments and approvals, while its worker (four
// times), api, store and Temporal dev server are SIGKILLed in turn. Neither the store nor the dev server flushes the
// disk per commit (docs/architecture.md, "The store"), so this is also where a killed one must keep every commit.
// Every accepted request must have left exactly one run, case and event, and every run must have completed.
describe('faults under load', () => {
  it(
    'loses and doubles nothing when the worker, the api, the store and Temporal are killed',
    { timeout: 480_000 },
    async () => {
      const lines: string[] = [];
      const log = { info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) };
      const result = await runChaos({
        repoRoot,
        log: { ...log, error: log.warn },
        clients: 2,
        rate: 3,
        workerKills: 4,
        // The api early: a request it was running when killed waits a minute for its Idempotency-Key claim to go stale.
        others: ['the api', 'the store', 'the Temporal dev server'],
        gapMs: 1_500,
        reviewers: 2,
        stallMs: 90_000,
      });
      const report = [...lines, ...result.verdict.samples].join('\n');

      expect(result.faults.map((fault) => fault.service)).toEqual([
        'the worker',
        'the api',
        'the worker',
        'the store',
        'the worker',
        'the Temporal dev server',
        'the worker',
      ]);
      expect(result.accepted.triggers).toBeGreaterThan(0);
      expect(result.accepted.creates).toBeGreaterThan(0);
      expect(result.verdict.items, report).toEqual(
        ['runs', 'cases', 'events', 'step effects'].map((kind) => ({
          kind,
          expected: expect.any(Number),
          lost: 0,
          doubled: 0,
        })),
      );
      expect(result.verdict.runsCompleted, report).toBe(result.accepted.triggers);
      expect(result.accepted.approvals).toBe(result.accepted.triggers);
    },
  );
});
