import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { UnknownKindNode } from '../graph/editor-node.ts';
import { NodeFrame } from './node-frame.tsx';

/** A node of a kind this editor doesn't know (imported from elsewhere): shown, kept, and reported by compile. */
export const UnknownNode = memo(function UnknownNode({ id, data, selected }: NodeProps<UnknownKindNode>) {
  const summary = [`version ${data.version}`];
  return <NodeFrame id={id} data={data} role="unknown" selected={selected} hasInput summary={summary} />;
});
