import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { Db } from 'mongodb';
import { systemClock, type Clock } from '../platform/clock.ts';
import { createDomains, workerActivities, type HttpStepConfig } from '../composition.ts';
import { emptyAllowlist } from '../http/http-allowlist.ts';
import { runViewSinks } from './run-view-sinks.ts';

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));
/** Bundled with the workflows: publishes a run's view when its workflow task ends (run-view-interceptors.ts). */
export const workflowInterceptorModules = [
  fileURLToPath(new URL('./workflows/run-view-interceptors.ts', import.meta.url)),
];

export interface WorkerDeps {
  db: Db;
  address: string;
  namespace: string;
  taskQueue: string;
  identity?: string;
  clock?: Clock;
  /** CASEWORK_SECRETS_KEY and CASEWORK_HTTP_ALLOW; without it no secret opens and no private address is allowed. */
  http?: HttpStepConfig;
}

/**
 * A worker polling `taskQueue`, running the workflows bundle and the activities built from `deps`. Activities
 * change cases through the same case services as the api (which in turn may start or move SLA timers, hence
 * the worker's own Temporal client). That client shares the worker's native connection (the SDK's Rust core) rather
 * than opening a grpc-js one: the same calls for less of the worker's CPU (docs/benchmarks.md).
 */
export async function createWorker(
  deps: WorkerDeps,
): Promise<{ worker: Worker; connection: NativeConnection; close(): Promise<void> }> {
  const connection = await NativeConnection.connect({ address: deps.address });
  let flushPublisher = async () => {};
  const close = async () => {
    // Outbox clears still pending (cases/event-publisher.ts) are written while the store and Temporal are there.
    await flushPublisher();
    await connection.close();
  };
  try {
    const clock = deps.clock ?? systemClock;
    const log = { warn: (details: object, message: string) => Runtime.instance().logger.warn(message, { ...details }) };
    const temporal = {
      client: new Client({ connection, namespace: deps.namespace }),
      taskQueue: deps.taskQueue,
    };
    const domains = createDomains({ db: deps.db, clock, log, temporal });
    flushPublisher = () => domains.cases.publisher.flush();
    const http = deps.http ?? { secretsKey: undefined, allowlist: emptyAllowlist };
    const activities = workerActivities(domains, { db: deps.db, clock, http });
    const worker = await Worker.create({
      connection,
      namespace: deps.namespace,
      taskQueue: deps.taskQueue,
      workflowsPath,
      interceptors: { workflowModules: workflowInterceptorModules },
      sinks: runViewSinks(domains.runs.runs, log),
      activities,
      ...(deps.identity ? { identity: deps.identity } : {}),
    });
    // What a crash of the previous worker left unpublished (the api sweeps too, at its start and then rarely).
    void domains.cases.publisher.sweep().catch((error: unknown) => log.warn({ err: error }, 'case sweep failed'));
    return { worker, connection, close };
  } catch (error) {
    await close();
    throw error;
  }
}
