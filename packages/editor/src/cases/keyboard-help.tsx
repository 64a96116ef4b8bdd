import { ModalDialog } from '../ui/modal-dialog.tsx';

/** The shortcuts of a page, as `?` shows them. */
export function KeyboardHelp({ keys, onClose }: { keys: readonly (readonly [string, string])[]; onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" onClose={onClose}>
      <dl className="keyboard-help">
        {keys.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">Tab reaches every control; shortcuts are off while typing in a field.</p>
    </ModalDialog>
  );
}
