import type { CompileIssue } from '@casework/shared';
import { issueMessage } from './form/issue-message.ts';
import { useInspectorScope } from './inspector-scope.ts';

const none: readonly CompileIssue[] = [];

/** The compile issues placed at `pointer`, minus codes the control reports itself (live expression syntax). */
export function useFieldIssues(pointer: string, exclude: readonly string[] = []): readonly CompileIssue[] {
  const issues = useInspectorScope().issues.byPointer.get(pointer) ?? none;
  return exclude.length === 0 ? issues : issues.filter((found) => !exclude.includes(found.code));
}

/** A list of compile issues; `id` lets a control point at it with `aria-describedby`. */
export function IssueList({ issues, id }: { issues: readonly CompileIssue[]; id?: string }) {
  if (issues.length === 0) return null;
  return (
    <ul className="inspector-issues" id={id}>
      {issues.map((found, index) => (
        <li key={index} className="inspector-issue" data-severity={found.severity} data-code={found.code}>
          {issueMessage(found)}
        </li>
      ))}
    </ul>
  );
}
