import type { CompileIssue } from '@casework/shared';

/** A count of a node's compile issues, red with any error, amber with warnings only; hover lists them. */
export function IssueBadge({ issues }: { issues: readonly CompileIssue[] }) {
  if (issues.length === 0) return null;
  const severity = issues.some((found) => found.severity === 'error') ? 'error' : 'warning';
  const noun = severity === 'error' ? 'problem' : 'warning';
  const summary = `${issues.length} ${noun}${issues.length === 1 ? '' : 's'}`;
  return (
    <span
      className="node-issue-badge"
      data-severity={severity}
      data-testid="node-issue-badge"
      title={`${summary}:\n${issues.map((found) => `• ${found.message}`).join('\n')}`}
      aria-label={summary}
    >
      {issues.length}
    </span>
  );
}
