import type { Graph } from '@casework/shared';

/** What a new editor shows: the lone API trigger every workflow starts from. */
export const starterGraph: Graph = {
  nodes: [
    {
      id: 'trigger',
      kind: 'trigger.api',
      version: 1,
      label: 'API trigger',
      position: { x: 0, y: 0 },
      params: { fields: [] },
    },
  ],
  edges: [],
};
