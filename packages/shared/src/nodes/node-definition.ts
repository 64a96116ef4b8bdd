import type { z } from 'zod';

/** What a node does in a run: where it may sit in a graph and whether it is an action (retry, continue-on-error). */
export type NodeRole = 'trigger' | 'action' | 'logic' | 'wait' | 'end';

export interface NodeDefinition<K extends string = string, P extends z.ZodType = z.ZodType> {
  kind: K;
  version: number;
  role: NodeRole;
  paramsSchema: P;
  /** The node's output handles, in display order; edges leave a node through one of these. */
  handles: (params: z.output<P>) => string[];
  /** The shape of `steps.<id>` for later expressions; absent when the node has no output. */
  outputSchema?: z.ZodType;
  /** Whether the output carries a case, so a `case: { node }` reference may name this node. */
  outputHasCase: boolean;
}

/** Keeps the literal kind and the params type of a definition. */
export function defineNode<const K extends string, P extends z.ZodType>(definition: NodeDefinition<K, P>) {
  return definition;
}
