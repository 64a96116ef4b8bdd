import type { CaseRepository } from '../db/case-repository.ts';
import type { CaseWriter, WarnLogger } from './case-writer.ts';
import type { EventPublisher } from './event-publisher.ts';

/**
 * Finishes what a crash or an outage interrupted: revisions whose events were not published, and SLA timers Temporal
 * did not get. Runs at start-up and then every `intervalMs` in every api replica (all steps are idempotent).
 */
export function startCaseSweeper(deps: {
  cases: CaseRepository;
  publisher: EventPublisher;
  writer: CaseWriter;
  log: WarnLogger;
  intervalMs: number;
}): { stop(): void; sweep(): Promise<void> } {
  let running: Promise<void> | null = null;
  const sweep = async () => {
    try {
      for (const revision of await deps.cases.unfinished(100, new Date())) {
        if (!revision.published) await deps.publisher.publish(revision);
        if (revision.slaSyncPending) await deps.writer.syncSlaTimer(revision);
      }
    } catch (error) {
      deps.log.warn({ err: error }, 'case sweep failed; will retry');
    }
  };
  const tick = () => {
    running ??= sweep().finally(() => (running = null));
  };
  const timer = setInterval(tick, deps.intervalMs);
  timer.unref();
  tick();
  return {
    stop: () => clearInterval(timer),
    sweep: async () => {
      await running;
      await sweep();
    },
  };
}
