import { Client, Connection } from '@temporalio/client';

export interface TemporalHandle {
  connection: Connection;
  client: Client;
  namespace: string;
  taskQueue: string;
}

/**
 * A lazily connecting Temporal client: the api starts even while Temporal is down and reconnects
 * by itself once it is back (readiness reports the difference).
 */
export function createTemporalHandle(opts: { address: string; namespace: string; taskQueue: string }): TemporalHandle {
  const connection = Connection.lazy({ address: opts.address });
  const client = new Client({ connection, namespace: opts.namespace });
  return { connection, client, namespace: opts.namespace, taskQueue: opts.taskQueue };
}

/** Whether the Temporal frontend answers within `timeoutMs`. */
export async function pingTemporal(handle: TemporalHandle, timeoutMs: number): Promise<void> {
  await handle.connection.withDeadline(Date.now() + timeoutMs, () =>
    handle.connection.workflowService.getSystemInfo({}),
  );
}
