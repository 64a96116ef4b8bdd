import type { ReactNode } from 'react';

/** What an empty list shows instead of its table: a heading, then why it is empty and how to fill it. */
export function EmptyState({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <div className="empty-state" data-testid={testId}>
      {children}
    </div>
  );
}
