import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import { connectionRefusal } from '../graph/connection-rules.ts';
import type { EditorEdge, FlowSnapshot } from '../graph/editor-node.ts';
import { freshEdgeId } from '../graph/fresh-ids.ts';
import type { EditorActions } from './editor-state.ts';
import { positionsDiffer } from './history.ts';
import { withSelection } from './node-factory.ts';
import type { StoreKit } from './store-kit.ts';

type CanvasActions = Pick<EditorActions, 'onNodesChange' | 'onEdgesChange' | 'connect' | 'select' | 'deleteSelected'>;

/** What React Flow reports (changes, connections) and what the user does to the selection. */
export function canvasActions({ get, session, snapshot, commit }: StoreKit): CanvasActions {
  return {
    onNodesChange: (changes) => {
      const before = snapshot();
      const structural = changes.some((change) => ['remove', 'add', 'replace'].includes(change.type));
      const moves = changes.filter((change) => change.type === 'position');
      const dragging = moves.some((change) => change.dragging === true);
      if (dragging && !session.dragOrigin) session.dragOrigin = before;
      if (changes.some((change) => change.type === 'select')) session.mergeKey = null;
      const nodes = applyNodeChanges(changes, before.nodes);
      let record: FlowSnapshot | null = null;
      if (structural) record = session.dragOrigin ?? before;
      else if (moves.length > 0 && !dragging) {
        // A drag (or an arrow-key nudge) has ended: one undo step back to where it started.
        const origin = session.dragOrigin ?? before;
        session.dragOrigin = null;
        if (positionsDiffer(origin.nodes, nodes)) record = origin;
      }
      commit({ nodes }, record);
    },

    onEdgesChange: (changes) => {
      const structural = changes.some((change) => change.type !== 'select');
      if (!structural) session.mergeKey = null;
      commit({ edges: applyEdgeChanges(changes, get().edges) }, structural ? snapshot() : null);
    },

    connect: (link) => {
      const { nodes, edges } = get();
      const refusal = connectionRefusal(link, nodes, edges);
      if (refusal !== null) return refusal;
      const handle = link.sourceHandle ?? null;
      const id = freshEdgeId(link.source, handle, new Set(edges.map((edge) => edge.id)));
      const edge: EditorEdge = { id, source: link.source, sourceHandle: handle, target: link.target };
      commit({ edges: [...edges, edge] }, snapshot());
      return null;
    },

    select: (nodeIds, edgeIds = []) => {
      session.mergeKey = null;
      const { nodes, edges } = get();
      commit({ nodes: withSelection(nodes, new Set(nodeIds)), edges: withSelection(edges, new Set(edgeIds)) }, null);
    },

    deleteSelected: () => {
      const { nodes, edges } = get();
      const removed = new Set(nodes.filter((node) => node.selected).map((node) => node.id));
      const keptEdges = edges.filter(
        (edge) => !edge.selected && !removed.has(edge.source) && !removed.has(edge.target),
      );
      if (removed.size === 0 && keptEdges.length === edges.length) return;
      commit({ nodes: nodes.filter((node) => !removed.has(node.id)), edges: keptEdges }, snapshot());
    },
  };
}
