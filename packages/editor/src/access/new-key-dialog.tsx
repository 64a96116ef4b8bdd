import type { ApiKeyResource } from '@casework/shared';
import { useId, useRef, useState } from 'react';
import { ModalDialog } from '../ui/modal-dialog.tsx';

/**
 * The key just created, shown this once (the api keeps only its hash): selected for copying, a Copy button, and
 * a plain warning that it won't be shown again.
 */
export function NewKeyDialog({ apiKey, onClose }: { apiKey: ApiKeyResource; onClose: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const inputId = useId();
  const warningId = useId();
  const key = apiKey.attributes.key ?? '';

  const copy = async () => {
    inputRef.current?.select();
    try {
      await navigator.clipboard.writeText(key);
      setCopied('yes');
    } catch {
      // No clipboard access (an insecure origin, a denied permission): the key is selected, Ctrl+C copies it.
      setCopied('failed');
    }
  };

  return (
    <ModalDialog
      title={`API key “${apiKey.attributes.name}” created`}
      className="access-key-dialog"
      onClose={onClose}
      actions={
        <button type="button" className="button-primary" onClick={onClose}>
          Done
        </button>
      }
    >
      <p id={warningId} className="access-key-warning">
        <strong>Copy the key now: you won’t see it again.</strong> Casework keeps only a hash of it. Lost it? Revoke it
        and create another.
      </p>
      <label htmlFor={inputId} className="case-setup-label">
        API key ({apiKey.attributes.role})
      </label>
      <div className="access-key-copy">
        <input
          ref={inputRef}
          id={inputId}
          className="text-input access-key-value"
          readOnly
          value={key}
          spellCheck={false}
          aria-describedby={warningId}
          onFocus={(event) => event.target.select()}
          autoFocus
        />
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="muted access-key-copied" role="status">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Press Ctrl+C to copy it.' : ''}
      </p>
      <p className="muted">
        Send it as <code>Authorization: Bearer &lt;key&gt;</code>.
      </p>
    </ModalDialog>
  );
}
