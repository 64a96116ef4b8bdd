import type { Db } from 'mongodb';
import { createSystemCheckRepository } from '../../db/system-check-repository.ts';
import type { Clock } from '../../lib/clock.ts';
import { createSystemCheckActivities } from './system-check.activities.ts';

export interface ActivityDeps {
  db: Db;
  clock: Clock;
}

/** Every activity the worker registers, built from its dependencies (no module singletons). */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createSystemCheckActivities({ systemChecks: createSystemCheckRepository(deps.db), clock: deps.clock }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
