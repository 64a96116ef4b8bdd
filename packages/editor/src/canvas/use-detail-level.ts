import { useStore } from '@xyflow/react';

/**
 * Below this zoom the canvas draws nodes in overview: flat, with their label, issue badge and run status only. Their
 * other text is too small to read there, and painting it for hundreds of nodes is what makes panning a large graph lag.
 */
export const OVERVIEW_BELOW_ZOOM = 0.55;

export type DetailLevel = 'full' | 'overview';

export const detailLevelAt = (zoom: number): DetailLevel => (zoom < OVERVIEW_BELOW_ZOOM ? 'overview' : 'full');

/** The detail level of the current zoom; re-renders only when zooming crosses the threshold. Inside ReactFlowProvider. */
export function useDetailLevel(): DetailLevel {
  return useStore((state) => detailLevelAt(state.transform[2]));
}
