import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { KindNode } from '../graph/editor-node.ts';
import { NodeFrame } from './node-frame.tsx';
import { nodeSummary } from './node-summary.ts';

/** `logic.condition`: a labelled output per route, in order, then `else`. */
export const ConditionNode = memo(function ConditionNode({
  id,
  data,
  selected,
}: NodeProps<KindNode<'logic.condition'>>) {
  return (
    <NodeFrame
      id={id}
      data={data}
      role="logic"
      selected={selected}
      hasInput
      summary={nodeSummary(data.kind, data.params)}
    />
  );
});
