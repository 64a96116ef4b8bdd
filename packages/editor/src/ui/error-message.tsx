import type { ReactNode } from 'react';

/** A failure the user should read, announced to screen readers. */
export function ErrorMessage({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="error-message" role="alert">
      <span>{children}</span>
      {action}
    </div>
  );
}
