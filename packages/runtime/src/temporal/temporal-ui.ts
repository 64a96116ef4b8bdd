/** Link to a workflow execution's history in Temporal UI. */
export function temporalUiUrl(base: string, namespace: string, workflowId: string, runId?: string | null): string {
  const root = `${base.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
  return runId ? `${root}/${encodeURIComponent(runId)}/history` : root;
}
