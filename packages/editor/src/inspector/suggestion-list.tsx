import type { Completion } from './expressions/completions.ts';

interface SuggestionListProps {
  id: string;
  completions: readonly Completion[];
  active: number;
  onPick: (completion: Completion) => void;
}

/** The listbox under an expression input; the input keeps focus (options are picked on mouse down). */
export function SuggestionList({ id, completions, active, onPick }: SuggestionListProps) {
  return (
    <ul
      className="inspector-suggestions"
      id={id}
      role="listbox"
      aria-label="Suggestions"
      hidden={completions.length === 0}
    >
      {completions.map((completion, index) => (
        <li
          key={completion.label}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === active}
          className="inspector-suggestion"
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(completion);
          }}
        >
          <code>{completion.label}</code>
          <span className="inspector-suggestion-detail">{completion.detail}</span>
        </li>
      ))}
    </ul>
  );
}
