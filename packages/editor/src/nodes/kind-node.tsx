import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { EditorNode } from '../graph/editor-node.ts';
import { roleOf } from '../graph/kind-info.ts';
import { useEditorStore } from '../store/use-editor-store.ts';
import { NodeFrame } from './node-frame.tsx';
import { nodeSummary } from './node-summary.ts';

/**
 * A node of any known kind, drawn from its definition (packages/shared/src/nodes/): role, key parameters, outputs;
 * triggers start the run, so they have no input handle. A kind needs a component of its own only for a custom look.
 */
export const KindNode = memo(function KindNode({ id, data, selected }: NodeProps<EditorNode>) {
  // Templates are shown by key when the catalog knows them; the catalog rarely changes.
  const catalog = useEditorStore((state) => state.catalog);
  const role = roleOf(data.kind);
  return (
    <NodeFrame
      id={id}
      data={data}
      role={role}
      selected={selected}
      hasInput={role !== 'trigger'}
      summary={nodeSummary(data.kind, data.params, catalog)}
    />
  );
});
