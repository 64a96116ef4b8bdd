import { Client, Connection } from '@temporalio/client';
import type { Env } from '../../src/config/env.ts';

/** A Temporal client of the test's own, to look at workflows the way an on-call engineer would. */
export async function connectTemporal(env: Env) {
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
  return {
    client,
    /** Counts a workflow's history events by kind, e.g. `timerStarted`, `workflowExecutionCompleted`. */
    async historyCounts(workflowId: string): Promise<Record<string, number>> {
      const history = await client.workflow.getHandle(workflowId).fetchHistory();
      const counts: Record<string, number> = {};
      for (const event of history.events ?? []) {
        for (const [key, value] of Object.entries(event)) {
          if (key.endsWith('EventAttributes') && value) {
            const kind = key.replace(/EventAttributes$/, '');
            counts[kind] = (counts[kind] ?? 0) + 1;
          }
        }
      }
      return counts;
    },
    close: () => connection.close(),
  };
}
