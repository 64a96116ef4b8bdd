import { useId, type ReactNode } from 'react';

interface SetupSectionProps {
  heading: string;
  /** A button beside the heading, if any. */
  action?: ReactNode;
  /** What these records are for, in a sentence or two. */
  intro: ReactNode;
  children: ReactNode;
}

/** One kind of record on the Case setup page: a heading named region, what the records are for, then its own parts. */
export function SetupSection({ heading, action, intro, children }: SetupSectionProps) {
  const headingId = useId();
  return (
    <section className="case-setup-section" aria-labelledby={headingId}>
      <header className="case-setup-section-header">
        <h3 id={headingId}>{heading}</h3>
        {action}
      </header>
      <p className="muted case-setup-intro">{intro}</p>
      {children}
    </section>
  );
}
