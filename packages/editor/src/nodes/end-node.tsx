import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { KindNode } from '../graph/editor-node.ts';
import { NodeFrame } from './node-frame.tsx';

const noSummary: string[] = [];

/** `end`: ends the run; an input and no outputs. */
export const EndNode = memo(function EndNode({ id, data, selected }: NodeProps<KindNode<'end'>>) {
  return <NodeFrame id={id} data={data} role="end" selected={selected} hasInput summary={noSummary} />;
});
