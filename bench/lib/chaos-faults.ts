// The faults of bench/chaos.ts: SIGKILLs of a stack's services, one at a time, each brought back by npm start's
// supervisor (scripts/lib/supervisor.mjs).

export type ServiceName = 'the worker' | 'the api' | 'the store' | 'the Temporal dev server';

/** A supervised service as scripts/lib/stack.mjs returns it: `current` is a new handle after each restart. */
export interface SupervisedService {
  name: string;
  current: { proc: { child: { kill(signal: string): boolean } } };
}

export interface Fault {
  service: ServiceName;
  /** ms from the SIGKILL until the supervisor had the service running again. */
  backMs: number;
}

/** `workerKills` worker kills with the `others` spread evenly among them (each once, in the order given). */
export function faultPlan(workerKills: number, others: readonly ServiceName[]): ServiceName[] {
  const plan: ServiceName[] = Array.from({ length: workerKills }, () => 'the worker');
  // From the back, so earlier insertions do not shift later positions.
  for (let i = others.length - 1; i >= 0; i--) {
    plan.splice(Math.round(((i + 1) * workerKills) / (others.length + 1)), 0, others[i] as ServiceName);
  }
  return plan;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Kills each service of `plan` in turn with SIGKILL, waits until its supervisor has it running again, then pauses
 * `gapMs` before the next. `onFault` hears of each as it happens.
 */
export async function injectFaults(
  services: readonly SupervisedService[],
  plan: readonly ServiceName[],
  { gapMs, onFault }: { gapMs: number; onFault?: (fault: Fault, index: number) => void },
): Promise<Fault[]> {
  const faults: Fault[] = [];
  await sleep(gapMs);
  for (const name of plan) {
    const service = services.find((each) => each.name === name);
    if (!service) throw new Error(`the stack has no ${name} (is MONGODB_URI or TEMPORAL_ADDRESS set?)`);
    const before = service.current;
    const killedAt = Date.now();
    before.proc.child.kill('SIGKILL');
    while (service.current === before) {
      if (Date.now() - killedAt > 180_000) throw new Error(`${name} did not come back within 3 minutes`);
      await sleep(50);
    }
    const fault = { service: name, backMs: Date.now() - killedAt };
    faults.push(fault);
    onFault?.(fault, faults.length - 1);
    await sleep(gapMs);
  }
  return faults;
}
