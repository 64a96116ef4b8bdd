/** Link to a workflow execution's history in Temporal UI. */
export function temporalUiUrl(base: string, namespace: string, workflowId: string, runId?: string | null): string {
  const root = `${base.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
  return runId ? `${root}/${encodeURIComponent(runId)}/history` : root;
}

/** Link to a Temporal Schedule in Temporal UI. */
export const temporalScheduleUrl = (base: string, namespace: string, scheduleId: string): string =>
  `${base.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(namespace)}/schedules/${encodeURIComponent(scheduleId)}`;
