import type { StepOverlay } from './step-overlay.ts';
import { useRunOverlay } from './use-run-overlay.ts';

/** The overlaid run's step of node `id`; the node re-renders only when that step changes. */
export function useStepOverlay(id: string): StepOverlay | undefined {
  return useRunOverlay((state) => state.steps.get(id));
}
