import './app.css';
import { useReadiness } from '../api/use-readiness.ts';
import { AppHeader } from './app-header.tsx';
import { starterGraph } from './starter-graph.ts';
import { WorkflowEditor } from './workflow-editor.tsx';

const initial = { graph: starterGraph };

export function App() {
  const readiness = useReadiness();
  return (
    <div className="app">
      <AppHeader readiness={readiness} />
      <main className="app-body">
        <WorkflowEditor initial={initial} />
      </main>
    </div>
  );
}
