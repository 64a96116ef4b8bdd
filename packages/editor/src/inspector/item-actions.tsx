interface ItemActionsProps {
  /** What the item is called in button labels: `Route 2`. */
  name: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
}

/** Move up, move down and remove buttons of one list item, each named for screen readers. */
export function ItemActions({ name, index, count, onMove, onRemove }: ItemActionsProps) {
  return (
    <span className="inspector-item-actions">
      <button
        type="button"
        className="inspector-icon-button"
        aria-label={`Move ${name} up`}
        title="Move up"
        disabled={index === 0}
        onClick={() => onMove(index, index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="inspector-icon-button"
        aria-label={`Move ${name} down`}
        title="Move down"
        disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="inspector-icon-button"
        data-danger
        aria-label={`Remove ${name}`}
        title="Remove"
        onClick={() => onRemove(index)}
      >
        ✕
      </button>
    </span>
  );
}
