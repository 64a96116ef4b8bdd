import {
  workflowDocumentSchema,
  workflowListSchema,
  workflowScheduleDocumentSchema,
  workflowVersionDocumentSchema,
  workflowVersionListSchema,
  type Graph,
  type WorkflowResource,
  type WorkflowScheduleResource,
  type WorkflowVersionResource,
} from '@casework/shared';
import type { ApiClient } from './api-client.ts';

export interface Page<T> {
  items: T[];
  /** The ready-to-call link of the next (older) page, or null on the last page. */
  next: string | null;
}

/** The workflows and their versions (docs/architecture.md, "Workflows"), as the editor uses them. */
export function workflowsApi(client: ApiClient) {
  const one = async (path: string, init: Parameters<ApiClient['request']>[2] = {}) =>
    (await client.request(path, workflowDocumentSchema, init)).data;

  return {
    list: async (link?: string | null, signal?: AbortSignal): Promise<Page<WorkflowResource>> => {
      const page = await client.request(
        link ?? '/workflows',
        workflowListSchema,
        link ? { signal } : { query: { 'filter[status]': 'active', 'page[size]': 50 }, signal },
      );
      return { items: page.data, next: page.links.next };
    },
    get: (id: string, signal?: AbortSignal) => one(`/workflows/${encodeURIComponent(id)}`, { signal }),
    create: (name: string) => one('/workflows', { method: 'POST', body: { data: { attributes: { name } } } }),
    rename: (id: string, name: string) =>
      one(`/workflows/${encodeURIComponent(id)}`, { method: 'PATCH', body: { data: { attributes: { name } } } }),
    /** The schedule of a workflow whose live version runs on one (`GET /workflows/{id}/schedule`; 404 otherwise). */
    schedule: async (id: string, signal?: AbortSignal): Promise<WorkflowScheduleResource> =>
      (
        await client.request(`/workflows/${encodeURIComponent(id)}/schedule`, workflowScheduleDocumentSchema, {
          signal,
        })
      ).data,
    archive: (id: string) => one(`/workflows/${encodeURIComponent(id)}/archive`, { method: 'POST' }),
    saveDraft: (id: string, graph: Graph, baseRevision: number | null) =>
      one(`/workflows/${encodeURIComponent(id)}/draft`, {
        method: 'PUT',
        body: {
          data: { attributes: { graph } },
          ...(baseRevision === null ? {} : { meta: { 'base-revision': baseRevision } }),
        },
      }),
    restore: (id: string, versionId: string, baseRevision: number | null) =>
      one(`/workflows/${encodeURIComponent(id)}/restore`, {
        method: 'POST',
        body: {
          meta: { 'version-id': versionId, ...(baseRevision === null ? {} : { 'base-revision': baseRevision }) },
        },
      }),
    /** Below 100, `rolloutPercent` starts a staged rollout: that share of new runs on the new version. */
    publish: async (id: string, notes: string, rolloutPercent = 100): Promise<WorkflowVersionResource> => {
      const body = {
        meta: {
          notes: notes.trim() === '' ? null : notes.trim(),
          ...(rolloutPercent < 100 ? { 'rollout-percent': rolloutPercent } : {}),
        },
      };
      const path = `/workflows/${encodeURIComponent(id)}/publish`;
      return (await client.request(path, workflowVersionDocumentSchema, { method: 'POST', body })).data;
    },
    /** Changes the share of the rollout in progress: 0 undoes it, 100 finishes it. */
    setRollout: (id: string, percent: number) =>
      one(`/workflows/${encodeURIComponent(id)}/rollout`, {
        method: 'POST',
        body: { meta: { 'rollout-percent': percent } },
      }),
    versions: async (
      id: string,
      link?: string | null,
      signal?: AbortSignal,
    ): Promise<Page<WorkflowVersionResource>> => {
      const path = link ?? `/workflows/${encodeURIComponent(id)}/versions`;
      const page = await client.request(
        path,
        workflowVersionListSchema,
        link ? { signal } : { query: { 'page[size]': 50 }, signal },
      );
      return { items: page.data, next: page.links.next };
    },
    version: async (versionId: string, signal?: AbortSignal): Promise<WorkflowVersionResource> =>
      (
        await client.request(`/workflow-versions/${encodeURIComponent(versionId)}`, workflowVersionDocumentSchema, {
          signal,
        })
      ).data,
  };
}

export type WorkflowsApi = ReturnType<typeof workflowsApi>;
