import './app.css';
import { useReadiness } from '../api/use-readiness.ts';
import { WorkflowCanvas } from '../canvas/workflow-canvas.tsx';
import { AppHeader } from './app-header.tsx';

export function App() {
  const readiness = useReadiness();
  return (
    <div className="app">
      <AppHeader readiness={readiness} />
      <main className="app-body">
        <WorkflowCanvas systemReady={readiness?.state === 'ready'} />
      </main>
    </div>
  );
}
