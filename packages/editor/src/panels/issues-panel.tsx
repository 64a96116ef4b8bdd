import type { CompileIssue } from '@casework/shared';
import { useFocusNode } from '../canvas/use-focus-node.ts';
import { useEditorStore } from '../store/use-editor-store.ts';

const bySeverity = (a: CompileIssue, b: CompileIssue) =>
  a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1;

function countLabel(issues: readonly CompileIssue[]): string {
  const errors = issues.filter((found) => found.severity === 'error').length;
  const warnings = issues.length - errors;
  if (issues.length === 0) return 'No problems';
  const parts = [
    errors > 0 && `${errors} error${errors === 1 ? '' : 's'}`,
    warnings > 0 && `${warnings} warning${warnings === 1 ? '' : 's'}`,
  ];
  return parts.filter(Boolean).join(', ');
}

/** The compiler's issues for the current graph, errors first; choosing one selects and centres its node. */
export function IssuesPanel() {
  const issues = useEditorStore((state) => state.compiled.issues);
  const focusNode = useFocusNode();
  const sorted = [...issues].sort(bySeverity);
  return (
    <section className="issues-panel" aria-label="Issues" data-testid="issues-panel">
      <h2 className="issues-title">
        Issues <span className="issues-count">{countLabel(issues)}</span>
      </h2>
      {sorted.length === 0 ? (
        <p className="issues-empty">The workflow compiles.</p>
      ) : (
        <ul className="issues-list">
          {sorted.map((found, index) => {
            const nodeId = found['node-id'];
            const content = (
              <>
                <span className="issue-severity" data-severity={found.severity}>
                  {found.severity}
                </span>
                {nodeId !== undefined && <span className="issue-node">{nodeId}</span>}
                <span className="issue-message">{found.message}</span>
                <code className="issue-code">{found.code}</code>
              </>
            );
            return (
              <li key={`${found.code}-${nodeId ?? ''}-${found['edge-id'] ?? ''}-${found.path ?? ''}-${index}`}>
                {nodeId === undefined ? (
                  <div className="issue">{content}</div>
                ) : (
                  <button type="button" className="issue" onClick={() => focusNode(nodeId)} title={`Show ${nodeId}`}>
                    {content}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
