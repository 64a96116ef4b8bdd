import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { KindNode } from '../graph/editor-node.ts';
import { NodeFrame } from './node-frame.tsx';
import { nodeSummary } from './node-summary.ts';

/** `wait.duration` (one `next` output) and `wait.case` (`matched`, and `timed-out` unless a timeout fails the run). */
export const WaitNode = memo(function WaitNode({
  id,
  data,
  selected,
}: NodeProps<KindNode<'wait.duration' | 'wait.case'>>) {
  return (
    <NodeFrame
      id={id}
      data={data}
      role="wait"
      selected={selected}
      hasInput
      summary={nodeSummary(data.kind, data.params)}
    />
  );
});
