import type { Readiness } from '../api/readiness.ts';
import { SystemStatus } from './system-status.tsx';

export function AppHeader({ readiness }: { readiness: Readiness | undefined }) {
  return (
    <header className="app-header">
      <h1 className="app-title">Casework</h1>
      <nav className="app-nav" aria-label="Casework">
        <a href="/docs" target="_blank" rel="noreferrer">
          API docs
        </a>
      </nav>
      <SystemStatus readiness={readiness} />
    </header>
  );
}
