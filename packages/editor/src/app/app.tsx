import './app.css';
import '../ui/ui.css';
import { useReadiness } from '../api/use-readiness.ts';
import { SessionProvider } from '../session/session-provider.tsx';
import { AppHeader } from './app-header.tsx';
import { AppPages } from './app-pages.tsx';

export function App() {
  const readiness = useReadiness();
  return (
    <SessionProvider>
      <div className="app">
        <AppHeader readiness={readiness} />
        <main className="app-body">
          <AppPages />
        </main>
      </div>
    </SessionProvider>
  );
}
