import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { KindNode } from '../graph/editor-node.ts';
import { NodeFrame } from './node-frame.tsx';
import { nodeSummary } from './node-summary.ts';

/** `trigger.api` and `trigger.event`: where a run starts, so no input handle. */
export const TriggerNode = memo(function TriggerNode({
  id,
  data,
  selected,
}: NodeProps<KindNode<'trigger.api' | 'trigger.event'>>) {
  return (
    <NodeFrame
      id={id}
      data={data}
      role="trigger"
      selected={selected}
      hasInput={false}
      summary={nodeSummary(data.kind, data.params)}
    />
  );
});
