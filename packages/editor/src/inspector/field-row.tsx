import { useId, type ReactNode } from 'react';
import { IssueList, useFieldIssues } from './field-issues.tsx';
import { paramsPointer, type FormPath } from './form/form-path.ts';

/** Ids a control binds to its row: its own id, and what describes it (hint, issues). */
export interface ControlIds {
  inputId: string;
  describedBy: string | undefined;
  invalid: boolean;
}

interface FieldRowProps {
  path: FormPath;
  label: string;
  required?: boolean;
  /** A line under the control: what it expects (text, or text with a link). */
  hint?: ReactNode;
  /** Checkboxes read better with the label after the box. */
  inline?: boolean;
  /** Issue codes the control reports itself. */
  exclude?: readonly string[];
  children: (ids: ControlIds) => ReactNode;
  /** Buttons after the control (remove, move). */
  actions?: ReactNode;
}

/** One labelled control with its hint and the compile issues at its path. */
export function FieldRow({ path, label, required, hint, inline, exclude, children, actions }: FieldRowProps) {
  const id = useId();
  const issues = useFieldIssues(paramsPointer(path), exclude);
  const hintId = hint ? `${id}-hint` : undefined;
  const issuesId = issues.length > 0 ? `${id}-issues` : undefined;
  const ids: ControlIds = {
    inputId: `${id}-input`,
    describedBy: [hintId, issuesId].filter(Boolean).join(' ') || undefined,
    invalid: issues.some((found) => found.severity === 'error'),
  };
  const text = (
    <label htmlFor={ids.inputId} className="inspector-label">
      {label}
      {required && (
        <span className="inspector-required" aria-hidden="true">
          {' '}
          *
        </span>
      )}
    </label>
  );
  return (
    <div className="inspector-field" data-inline={inline || undefined} data-path={paramsPointer(path)}>
      <div className="inspector-field-main">
        {inline ? (
          <>
            {children(ids)}
            {text}
          </>
        ) : (
          <>
            {text}
            {children(ids)}
          </>
        )}
        {actions}
      </div>
      {hint && (
        <p className="inspector-hint" id={hintId}>
          {hint}
        </p>
      )}
      <IssueList issues={issues} id={issuesId} />
    </div>
  );
}
