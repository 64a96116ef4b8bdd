import type { CatalogSnapshot } from '@casework/shared';
import type { Db } from 'mongodb';
import { SECRETS_MAX } from '@casework/shared';
import { caseCollections } from '../cases/case-collections.ts';
import { createSecretRepository } from '../secrets/secret-repository.ts';
import { workflowCollections } from './workflow-collections.ts';

export type CatalogSnapshotSource = () => Promise<CatalogSnapshot>;

/**
 * What the compiler checks a graph against: every case template (statuses, fields) and queue, and every workflow a
 * `flow.run-workflow` node may call, archived ones included so the compiler can say "archived" rather than
 * "unknown". Read fresh for each compile: templates change, and a stale snapshot would publish a version that fails
 * at run time. Secrets by name only.
 */
export function createCatalogSnapshotSource(db: Db): CatalogSnapshotSource {
  const { caseTemplates, caseQueues } = caseCollections(db);
  const { workflows: workflowDocuments } = workflowCollections(db);
  const secrets = createSecretRepository(db);
  return async () => {
    const [templates, queues, workflows, secretNames] = await Promise.all([
      caseTemplates.find({}, { projection: { key: 1, statuses: 1, fieldSchemas: 1, status: 1 } }).toArray(),
      caseQueues.find({}, { projection: { status: 1 } }).toArray(),
      workflowDocuments.find({}, { projection: { name: 1, status: 1, liveVersionId: 1 } }).toArray(),
      secrets.listNames(SECRETS_MAX),
    ]);
    return {
      templates: templates.map((template) => ({
        id: template._id,
        key: template.key,
        statuses: template.statuses,
        fieldSchemas: template.fieldSchemas,
        status: template.status,
      })),
      queues: queues.map((queue) => ({ id: queue._id, status: queue.status, name: queue.name })),
      secrets: secretNames.map((secret) => ({ name: secret._id })),
      workflows: workflows.map((workflow) => ({
        id: workflow._id,
        name: workflow.name,
        status: workflow.status,
        live: Boolean(workflow.liveVersionId),
      })),
    };
  };
}
