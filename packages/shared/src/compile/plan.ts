import type { NodeKind, NodeParams } from '../nodes/node-catalog.ts';
import type { VariableDeclaration } from '../variables/run-variables.ts';

/** One step of a plan: a node with parsed params (defaults resolved) and its successors by handle. */
export type PlanStep = {
  [K in NodeKind]: {
    kind: K;
    version: number;
    label: string;
    params: NodeParams<K>;
    /** Each handle → the next step's id, or null when the run ends there. */
    next: Record<string, string | null>;
  };
}[NodeKind];

/** The normalized program the interpreter runs; expressions stay as `{{ … }}` source text. */
export interface Plan {
  version: 1;
  trigger: string;
  /** Steps keyed by node id, in flow order: each after every step that leads to it (compile.ts). */
  steps: Record<string, PlanStep>;
  /** The run variables and their defaults; absent when the workflow declares none (and in plans from before them). */
  variables?: VariableDeclaration[];
}
