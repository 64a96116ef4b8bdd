import { workflowRunDocumentSchema, workflowRunListSchema, type WorkflowRunResource } from '@casework/shared';
import type { ApiClient } from './api-client.ts';
import type { Page } from './workflows-api.ts';

export interface TriggerOptions {
  fields: Record<string, unknown>;
  /** Sent as `Idempotency-Key`: the same key always answers with the same run. */
  idempotencyKey?: string | undefined;
}

/** Workflow runs (docs/architecture.md, "Runs"): trigger, list a workflow's runs, follow one. */
export function runsApi(client: ApiClient) {
  return {
    trigger: async (workflowId: string, { fields, idempotencyKey }: TriggerOptions): Promise<WorkflowRunResource> => {
      const key = idempotencyKey?.trim() ?? '';
      const path = `/workflows/${encodeURIComponent(workflowId)}/trigger`;
      const init = {
        method: 'POST' as const,
        body: { data: { attributes: { fields } } },
        ...(key === '' ? {} : { headers: { 'idempotency-key': key } }),
      };
      return (await client.request(path, workflowRunDocumentSchema, init)).data;
    },
    /** `POST /workflows/{id}/schedule/run`: a run of a scheduled workflow now, as a firing of its schedule. */
    runSchedule: async (workflowId: string): Promise<WorkflowRunResource> =>
      (
        await client.request(`/workflows/${encodeURIComponent(workflowId)}/schedule/run`, workflowRunDocumentSchema, {
          method: 'POST',
        })
      ).data,
    list: async (
      workflowId: string,
      size: number,
      link?: string | null,
      signal?: AbortSignal,
    ): Promise<Page<WorkflowRunResource>> => {
      const query = { 'filter[workflow-id]': workflowId, 'page[size]': size };
      const page = await client.request(
        link ?? '/workflow-runs',
        workflowRunListSchema,
        link ? { signal } : { query, signal },
      );
      return { items: page.data, next: page.links.next };
    },
    get: async (runId: string, signal?: AbortSignal): Promise<WorkflowRunResource> =>
      (await client.request(`/workflow-runs/${encodeURIComponent(runId)}`, workflowRunDocumentSchema, { signal })).data,
  };
}

export type RunsApi = ReturnType<typeof runsApi>;
