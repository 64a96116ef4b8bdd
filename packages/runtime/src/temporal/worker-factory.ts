import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { Db } from 'mongodb';
import { systemClock, type Clock } from '../lib/clock.ts';
import { createCaseDomain } from '../services/case-domain.ts';
import { createCaseStepService } from '../services/case-step-service.ts';
import { createRunDomain } from '../services/run-domain.ts';
import { createActivities } from './activities/index.ts';

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

export interface WorkerDeps {
  db: Db;
  address: string;
  namespace: string;
  taskQueue: string;
  identity?: string;
  clock?: Clock;
}

/**
 * A worker polling `taskQueue`, running the workflows bundle and the activities built from `deps`. Activities
 * change cases through the same case services as the api (which in turn may start or move SLA timers, hence
 * the worker's own Temporal client).
 */
export async function createWorker(
  deps: WorkerDeps,
): Promise<{ worker: Worker; connection: NativeConnection; close(): Promise<void> }> {
  const connection = await NativeConnection.connect({ address: deps.address });
  const clientConnection = Connection.lazy({ address: deps.address });
  const close = async () => {
    await clientConnection.close();
    await connection.close();
  };
  try {
    const clock = deps.clock ?? systemClock;
    const log = { warn: (details: object, message: string) => Runtime.instance().logger.warn(message, { ...details }) };
    const temporal = {
      client: new Client({ connection: clientConnection, namespace: deps.namespace }),
      taskQueue: deps.taskQueue,
    };
    const runDomain = createRunDomain({ db: deps.db, clock, log, temporal });
    const domain = createCaseDomain({
      db: deps.db,
      clock,
      log,
      temporal,
      onPublished: runDomain.dispatcher.onPublished,
    });
    const runs = {
      steps: createCaseStepService({ domain, claims: runDomain.claims }),
      runs: runDomain.runs,
      events: domain.eventRepository,
      cases: domain.caseRepository,
      publisher: domain.publisher,
      runEvents: runDomain.runEvents,
      clock,
    };
    const worker = await Worker.create({
      connection,
      namespace: deps.namespace,
      taskQueue: deps.taskQueue,
      workflowsPath,
      activities: createActivities({ db: deps.db, clock, slaExpiry: domain.actions, runs }),
      ...(deps.identity ? { identity: deps.identity } : {}),
    });
    return { worker, connection, close };
  } catch (error) {
    await close();
    throw error;
  }
}
