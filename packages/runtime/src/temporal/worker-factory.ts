import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Db } from 'mongodb';
import { systemClock } from '../lib/clock.ts';
import { createActivities } from './activities/index.ts';

export const workflowsPath = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

export interface WorkerDeps {
  db: Db;
  address: string;
  namespace: string;
  taskQueue: string;
  identity?: string;
}

/** A worker polling `taskQueue`, running the workflows bundle and the activities built from `deps`. */
export async function createWorker(deps: WorkerDeps): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: deps.address });
  try {
    const worker = await Worker.create({
      connection,
      namespace: deps.namespace,
      taskQueue: deps.taskQueue,
      workflowsPath,
      activities: createActivities({ db: deps.db, clock: systemClock }),
      ...(deps.identity ? { identity: deps.identity } : {}),
    });
    return { worker, connection };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
