import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { EditorNode } from '../graph/editor-node.ts';
import { useEditorStore } from '../store/use-editor-store.ts';
import { NodeFrame } from './node-frame.tsx';
import { nodeSummary } from './node-summary.ts';

/** Every `case.*` action: the case it acts on and the action's key parameter; one `next` output. */
export const CaseActionNode = memo(function CaseActionNode({ id, data, selected }: NodeProps<EditorNode>) {
  // Templates are shown by key when the catalog knows them; the catalog rarely changes.
  const catalog = useEditorStore((state) => state.catalog);
  return (
    <NodeFrame
      id={id}
      data={data}
      role="action"
      selected={selected}
      hasInput
      summary={nodeSummary(data.kind, data.params, catalog)}
    />
  );
});
