/** Says plainly that this build can't draw workflows yet. */
export function CanvasEmptyState({ systemReady }: { systemReady: boolean }) {
  return (
    <div className="canvas-empty-state" data-testid="canvas-empty-state">
      <h2>Workflows can't be drawn here yet</h2>
      <p>
        {systemReady
          ? 'The workflow editor is coming next; the API and runtime are up.'
          : 'The workflow editor is coming next; see the system status above.'}
      </p>
    </div>
  );
}
