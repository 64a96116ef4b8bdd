/** Whether a template or queue can still be used: active, or archived (kept for the cases that use it). */
export function RecordStatus({ status }: { status: 'active' | 'archived' }) {
  return (
    <span className="case-setup-status" data-status={status}>
      {status === 'active' ? 'Active' : 'Archived'}
    </span>
  );
}
