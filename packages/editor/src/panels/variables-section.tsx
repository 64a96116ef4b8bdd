import { variableTypes, type CompileIssue, type VariableType } from '@casework/shared';
import { useId, useMemo, useState } from 'react';
import type { VariableDeclarations } from '../graph/editor-node.ts';
import { useEditorStore } from '../store/use-editor-store.ts';

type Declaration = VariableDeclarations[number];

/** A default as the user types it: text for a string variable, JSON otherwise; empty means none. */
const defaultText = (declaration: Declaration) =>
  declaration.default === undefined
    ? ''
    : declaration.type === 'string' && typeof declaration.default === 'string'
      ? declaration.default
      : JSON.stringify(declaration.default);

function freshName(taken: VariableDeclarations): string {
  const names = new Set(taken.map((declaration) => declaration.name));
  let index = taken.length + 1;
  while (names.has(`variable${index}`)) index += 1;
  return `variable${index}`;
}

/**
 * The workflow's run variables (docs/architecture.md, "Run variables"), shown in the inspector when no node is
 * selected: a name, a type and an optional default each; `data.set-variables` changes them, expressions read them
 * as `vars.<name>`. The compiler's issues about them (`/variables/…`) show under their row.
 */
export function VariablesSection() {
  const variables = useEditorStore((state) => state.variables);
  const setVariables = useEditorStore((state) => state.setVariables);
  const readOnly = useEditorStore((state) => state.readOnly);
  const compiled = useEditorStore((state) => state.compiled);
  const issues = useMemo(
    () => compiled.issues.filter((found) => found.path?.startsWith('/variables') && found['node-id'] === undefined),
    [compiled],
  );
  const change = (index: number, next: Declaration | null) =>
    setVariables(
      next === null
        ? variables.filter((_, at) => at !== index)
        : variables.map((declaration, at) => (at === index ? next : declaration)),
    );

  return (
    <section className="variables-section" aria-label="Run variables">
      <h3 className="inspector-legend">Run variables</h3>
      <p className="inspector-hint">
        Set by “Set variables” steps, read as <code>vars.name</code> in expressions.
      </p>
      <fieldset className="inspector-frame" disabled={readOnly}>
        {variables.length === 0 && <p className="inspector-empty">No variables.</p>}
        {variables.map((declaration, index) => (
          <VariableRow
            // Rows are positional: a name being typed must not remount its input.
            key={index}
            index={index}
            declaration={declaration}
            issues={issues.filter((found) => found.path?.startsWith(`/variables/${index}/`))}
            onChange={(next) => change(index, next)}
          />
        ))}
        {issues
          .filter((found) => !/^\/variables\/\d+\//.test(found.path ?? ''))
          .map((found) => (
            <p key={found.message} className="inspector-issue" data-severity={found.severity}>
              {found.message}
            </p>
          ))}
        <button
          type="button"
          className="inspector-add"
          onClick={() => setVariables([...variables, { name: freshName(variables), type: 'string' }])}
        >
          Add variable
        </button>
      </fieldset>
    </section>
  );
}

interface VariableRowProps {
  index: number;
  declaration: Declaration;
  issues: readonly CompileIssue[];
  onChange: (next: Declaration | null) => void;
}

function VariableRow({ index, declaration, issues, onChange }: VariableRowProps) {
  const id = useId();
  // What the user typed, for the default it was typed for: an undo or another change of the default shows that one.
  const [draft, setDraft] = useState<{ text: string; of: string | undefined; unreadable: boolean } | null>(null);
  const current = JSON.stringify(declaration.default);
  const typed = draft !== null && draft.of === current ? draft : null;
  const text = typed?.text ?? defaultText(declaration);
  const unreadable = typed?.unreadable ?? false;
  const { default: _previous, ...withoutDefault } = declaration;

  const applyDefault = (next: string, type: VariableType) => {
    const commit = (value: Declaration['default']) => {
      setDraft({ text: next, of: JSON.stringify(value), unreadable: false });
      onChange(value === undefined ? { ...withoutDefault, type } : { ...withoutDefault, type, default: value });
    };
    if (next.trim() === '') return commit(undefined);
    if (type === 'string') return commit(next);
    try {
      commit(JSON.parse(next) as Declaration['default']);
    } catch {
      setDraft({ text: next, of: current, unreadable: true });
      if (type !== declaration.type) onChange({ ...declaration, type });
    }
  };

  return (
    <fieldset className="inspector-group variable-row" aria-label={`Variable ${index + 1}`}>
      <div className="variable-row-fields">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          className="inspector-input"
          value={declaration.name}
          spellCheck={false}
          onChange={(event) => onChange({ ...declaration, name: event.target.value })}
        />
        <label htmlFor={`${id}-type`}>Type</label>
        <select
          id={`${id}-type`}
          className="inspector-input inspector-select"
          value={declaration.type}
          onChange={(event) => applyDefault(text, event.target.value as VariableType)}
        >
          {variableTypes.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-default`}>Default</label>
        <input
          id={`${id}-default`}
          className="inspector-input"
          value={text}
          placeholder={declaration.type === 'string' ? 'none' : 'none (JSON, e.g. 0 or [])'}
          spellCheck={false}
          aria-invalid={unreadable || issues.length > 0 || undefined}
          onChange={(event) => applyDefault(event.target.value, declaration.type)}
        />
      </div>
      {unreadable && <p className="inspector-issue">Not JSON yet: the default stays as it was.</p>}
      {issues.map((found) => (
        <p key={found.message} className="inspector-issue" data-severity={found.severity}>
          {found.message}
        </p>
      ))}
      <button type="button" className="inspector-remove" onClick={() => onChange(null)}>
        Remove {declaration.name || `variable ${index + 1}`}
      </button>
    </fieldset>
  );
}
