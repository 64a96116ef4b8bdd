import type { Plan } from '@casework/shared';
import type { WorkflowDocument, WorkflowVersionDocument } from './workflow-collections.ts';
import { ConflictError, UnprocessableError } from '../platform/errors.ts';

/** Twice the plan limit (256 KB): room for layout and edges, while revisions and list scans stay small. */
export const MAX_DRAFT_BYTES = 512 * 1024;

/** A new workflow's draft: a lone API trigger, for the editor to build on. */
export const initialGraph = () => ({
  nodes: [
    { id: 'trigger', kind: 'trigger.api', version: 1, label: 'API trigger', position: { x: 0, y: 0 }, params: {} },
  ],
  edges: [],
});

/** Drafts are saved whatever their content, but not whatever their size. */
export function assertDraftSize(graph: Record<string, unknown>): void {
  const bytes = Buffer.byteLength(JSON.stringify(graph));
  if (bytes > MAX_DRAFT_BYTES) {
    throw new UnprocessableError(
      `The graph is ${bytes} bytes of JSON; a draft may hold at most ${MAX_DRAFT_BYTES} (512 KiB).`,
      '/data/attributes/graph',
    );
  }
}

/** Autosave's optimistic concurrency: a write based on an older draft revision must not overwrite a newer one. */
export function assertBaseRevision(baseRevision: number | undefined, workflow: WorkflowDocument): void {
  if (baseRevision !== undefined && baseRevision !== workflow.draft.revision) {
    throw new ConflictError(
      `The draft is at revision ${workflow.draft.revision}, not ${baseRevision}: it was saved elsewhere since. Reload it.`,
      '/meta/base-revision',
    );
  }
}

/** A draft write: the new graph, and the draft revision +1. */
export const draftChange = (graph: Record<string, unknown>, workflow: WorkflowDocument, now: Date) => ({
  draft: { graph, revision: workflow.draft.revision + 1, savedAt: now },
  updatedAt: now,
});

/** How runs of a plan start: what the version records, and event routing queries. */
export function triggerOf(plan: Plan): Pick<WorkflowVersionDocument, 'triggerKind' | 'triggerEvent'> {
  const step = plan.steps[plan.trigger];
  if (step?.kind === 'trigger.api') return { triggerKind: 'trigger.api', triggerEvent: null };
  if (step?.kind === 'trigger.event') return { triggerKind: 'trigger.event', triggerEvent: step.params.event };
  if (step?.kind === 'trigger.schedule') return { triggerKind: 'trigger.schedule', triggerEvent: null };
  throw new Error(`plan trigger ${plan.trigger} is not a trigger step`);
}
