/** Shown over an empty canvas: where nodes come from. */
export function CanvasEmptyState() {
  return (
    <div className="canvas-empty-state" data-testid="canvas-empty-state">
      <h2>An empty workflow</h2>
      <p>Drag a node from the palette, or click one to add it. Every workflow starts with a trigger.</p>
    </div>
  );
}
