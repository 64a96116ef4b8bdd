import type { EventPublisher, WarnLogger } from './event-publisher.ts';

/**
 * Finishes what a crash or an outage interrupted: cases whose events were not published or whose SLA timer was not
 * told. Runs at start-up and then every `intervalMs` in every api replica (all of it idempotent). Writers publish
 * their own events right away, so there is normally nothing to find.
 */
export function startCaseSweeper(deps: { publisher: EventPublisher; log: WarnLogger; intervalMs: number }): {
  stop(): void;
  sweep(): Promise<void>;
} {
  let running: Promise<void> | null = null;
  const sweep = async () => {
    try {
      await deps.publisher.sweep();
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
