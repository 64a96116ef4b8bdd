import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { completionsAt, type Completion } from './expressions/completions.ts';
import { expressionProblems, problemText, visibleProblems } from './expressions/expression-problems.ts';
import { useInspectorScope } from './inspector-scope.ts';
import { SuggestionList } from './suggestion-list.tsx';

interface ExpressionInputProps {
  id: string;
  value: string;
  onChange: (text: string) => void;
  describedBy?: string | undefined;
  invalid?: boolean;
  multiline?: boolean;
  /** Literal values to suggest outside `{{ … }}` (a choice field's choices). */
  choices?: readonly string[] | undefined;
  placeholder?: string;
}

type Field = HTMLInputElement | HTMLTextAreaElement;

/**
 * A text input for a literal or `{{ … }}` expressions: parse errors show as you type (message and position),
 * and inside `{{` a list suggests the `trigger.*` / `steps.*` paths this node may read (arrows move, Enter
 * inserts, Escape closes; a click inserts too).
 */
export function ExpressionInput(props: ExpressionInputProps) {
  const { id, value, onChange, describedBy, invalid, multiline, choices, placeholder } = props;
  const { suggestions } = useInspectorScope();
  const field = useRef<Field>(null);
  const pendingCaret = useRef<number | null>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);
  const allProblems = useMemo(() => expressionProblems(value), [value]);
  const problems = visibleProblems(allProblems, caret);
  const completions = useMemo(
    () => (caret === null || dismissed ? [] : completionsAt(value, caret, suggestions, choices)),
    [caret, dismissed, value, suggestions, choices],
  );
  const open = completions.length > 0;
  const current = Math.min(active, completions.length - 1);
  const listId = `${id}-suggestions`;
  const problemsId = problems.length > 0 ? `${id}-problems` : undefined;

  // After inserting a suggestion, put the caret right after the inserted path.
  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at === null || !field.current) return;
    pendingCaret.current = null;
    field.current.setSelectionRange(at, at);
    setCaret(at);
  }, [value]);

  useEffect(() => {
    if (open) document.getElementById(`${listId}-${current}`)?.scrollIntoView({ block: 'nearest' });
  }, [open, current, listId]);

  const accept = (completion: Completion) => {
    pendingCaret.current = completion.caret;
    onChange(completion.text);
  };
  const track = (target: Field) => setCaret(target.selectionStart ?? target.value.length);

  const onKeyDown = (event: KeyboardEvent<Field>) => {
    if (!open) return;
    const choice = completions[current];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + completions.length) % completions.length);
    } else if (event.key === 'Enter' && choice) {
      event.preventDefault();
      accept(choice);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDismissed(true);
    }
  };

  const shared = {
    id,
    className: 'inspector-input inspector-expression',
    value,
    placeholder,
    spellCheck: false,
    role: 'combobox',
    'aria-autocomplete': 'list' as const,
    'aria-expanded': open,
    'aria-controls': listId,
    'aria-activedescendant': open ? `${listId}-${current}` : undefined,
    'aria-describedby': [describedBy, problemsId].filter(Boolean).join(' ') || undefined,
    'aria-invalid': invalid || problems.length > 0 || undefined,
    onChange: (event: { target: Field }) => {
      setDismissed(false);
      setActive(0);
      track(event.target);
      onChange(event.target.value);
    },
    onSelect: (event: { currentTarget: Field }) => track(event.currentTarget),
    onFocus: (event: { currentTarget: Field }) => track(event.currentTarget),
    onBlur: () => setCaret(null),
    onKeyDown,
  };
  return (
    <div className="inspector-expression-box">
      <div className="inspector-combobox">
        {multiline ? (
          <textarea {...shared} ref={field as RefObject<HTMLTextAreaElement | null>} rows={3} />
        ) : (
          <input {...shared} ref={field as RefObject<HTMLInputElement | null>} type="text" autoComplete="off" />
        )}
        <SuggestionList id={listId} completions={completions} active={current} onPick={accept} />
      </div>
      {problemsId && (
        <ul className="inspector-issues" id={problemsId} aria-live="polite">
          {problems.map((problem, index) => (
            <li key={index} className="inspector-issue" data-severity="error" data-code="expression-syntax">
              {problemText(problem)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
