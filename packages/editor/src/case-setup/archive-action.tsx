import { useState, type ReactNode } from 'react';
import { FormDialog } from '../ui/form-dialog.tsx';

interface ArchiveActionProps {
  /** What is archived, as the user knows it: `template “KYC review”`. */
  subject: string;
  /** The button's accessible name, naming the record: `Archive KYC review`. */
  label: string;
  /** What archiving does and does not do. */
  children: ReactNode;
  onArchive: () => Promise<void>;
}

/** An Archive button asking first; the API has no unarchive, so the dialog says it is final. */
export function ArchiveAction({ subject, label, children, onArchive }: ArchiveActionProps) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" aria-label={label} onClick={() => setAsking(true)}>
        Archive
      </button>
      {asking && (
        <FormDialog
          title={`Archive ${subject}?`}
          submitLabel="Archive"
          danger
          onClose={() => setAsking(false)}
          onSubmit={onArchive}
        >
          {children}
          <p>It cannot be unarchived.</p>
        </FormDialog>
      )}
    </>
  );
}
