import type { Db } from 'mongodb';

/** Collection names: persisted, so never renamed. */
export const collectionNames = {
  apiKeys: 'api_keys',
  systemChecks: 'system_checks',
} as const;

export interface ApiKeyDocument {
  _id: string;
  /** SHA-256 of the key, hex. The key itself is never stored. */
  hash: string;
  name: string;
  createdAt: Date;
}

export interface SystemCheckDocument {
  _id: string;
  status: 'pending' | 'completed';
  delaySeconds: number;
  createdAt: Date;
  /** Absent until the activity first runs. */
  completedAt?: Date;
  activityExecutions: number;
  workflowId: string;
  temporalRunId: string | null;
}

export function collections(db: Db) {
  return {
    apiKeys: db.collection<ApiKeyDocument>(collectionNames.apiKeys),
    systemChecks: db.collection<SystemCheckDocument>(collectionNames.systemChecks),
  };
}
