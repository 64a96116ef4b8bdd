import { Handle, Position } from '@xyflow/react';
import type { EditorNodeData } from '../graph/editor-node.ts';
import { nodeHandles } from '../graph/node-handles.ts';
import { handleLabel } from './node-summary.ts';
import { useHandlesSync } from './use-handles-sync.ts';

/**
 * One source handle per output of the node, each on its own labelled row at the node's right edge, in
 * the catalog's order (routes, then `else`). A node with a single `next` output gets an unlabelled handle.
 */
export function NodeOutputs({ id, data }: { id: string; data: EditorNodeData }) {
  const handles = nodeHandles(data);
  useHandlesSync(id, handles);
  if (handles.length === 0) return null;
  if (handles.length === 1 && handles[0] === 'next') {
    return <Handle type="source" position={Position.Right} id="next" className="node-handle" title="next" />;
  }
  return (
    <ul className="node-outputs" aria-label="Outputs">
      {handles.map((handle) => {
        const label = handleLabel(data.kind, data.params, handle);
        return (
          <li key={handle} className="node-output" data-handle={handle}>
            <span className="node-output-label">{label}</span>
            <Handle type="source" position={Position.Right} id={handle} className="node-handle" title={label} />
          </li>
        );
      })}
    </ul>
  );
}
