/** A case's status as a pill; resolved cases (an end status) are marked so. */
export function CaseStatusBadge({ status, resolved }: { status: string; resolved: boolean }) {
  return (
    <span
      className="case-status-badge"
      data-resolved={resolved}
      data-testid="case-status"
      title={resolved ? 'Resolved' : 'Open'}
    >
      {status}
    </span>
  );
}
