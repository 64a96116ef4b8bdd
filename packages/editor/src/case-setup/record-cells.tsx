import type { ReactNode } from 'react';
import { usePermissions } from '../session/use-permissions.ts';
import { ArchiveAction } from './archive-action.tsx';
import { RecordStatus } from './record-status.tsx';

interface RecordCellsProps {
  name: string;
  status: 'active' | 'archived';
  /** What is archived, as the user knows it: `queue “KYC reviews”`. */
  subject: string;
  onArchive: () => Promise<void>;
  /** What archiving this kind of record does and does not do. */
  children: ReactNode;
}

/** The last cells of a template's or queue's row: whether it is active, and Archive while it is. */
export function RecordCells({ name, status, subject, onArchive, children }: RecordCellsProps) {
  const { design } = usePermissions();
  return (
    <>
      <td>
        <RecordStatus status={status} />
      </td>
      <td className="row-actions">
        {design && status === 'active' && (
          <ArchiveAction subject={subject} label={`Archive ${name}`} onArchive={onArchive}>
            {children}
          </ArchiveAction>
        )}
      </td>
    </>
  );
}
