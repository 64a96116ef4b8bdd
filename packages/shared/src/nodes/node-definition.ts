import type { z } from 'zod';
import type { CatalogSnapshot } from '../compile/catalog-snapshot.ts';
import type { CatalogCheck } from './node-checks.ts';

/** What a node does in a run: where it may sit in a graph and whether it is an action (retry, continue-on-error). */
export type NodeRole = 'trigger' | 'action' | 'logic' | 'wait' | 'end';

/** What the editor knows when it adds a node: the upstream node whose output carries a case, if any. */
export interface NewNodeContext {
  caseNode?: string | undefined;
}

/** A handle that must lead somewhere: leaving it open is an error, not the usual "the run ends there" warning. */
export interface RequiredHandle {
  handle: string;
  code: 'missing-else';
  message: string;
}

/**
 * Everything pure about a node kind, in its one file under `packages/shared/src/nodes/` (docs/architecture.md,
 * "Workflows"): the compiler, the editor and the runtime all read it from here.
 */
export interface NodeDefinition<
  K extends string = string,
  P extends z.ZodType = z.ZodType,
  E extends z.ZodType = z.ZodType,
> {
  kind: K;
  version: number;
  role: NodeRole;
  paramsSchema: P;
  /** The node's output handles, in display order; edges leave a node through one of these. */
  handles: (params: z.output<P>) => string[];
  /**
   * The handles of a draft whose params do not parse yet (the editor keeps edges drawn while they are edited);
   * without it, `handles` must not read its params.
   */
  draftHandles?: (params: Record<string, unknown>) => string[];
  requiredHandles?: readonly RequiredHandle[];
  /** The shape of `steps.<id>` for later expressions; absent when the node has no output. */
  outputSchema?: z.ZodType;
  /** Whether the output carries a case, so a `case: { node }` reference may name this node. */
  outputHasCase: boolean;
  /** The template of the case this node creates (its output's case), when the node creates one. */
  createdCaseTemplate?: (params: z.output<P>) => string;
  /** Kind-specific checks against the catalog snapshot (templates, statuses, fields, queues). */
  checkCatalog?: (params: z.output<P>, check: CatalogCheck) => void;
  /**
   * The params an action's run-time executor receives once its expressions are evaluated (without `case`, `retry`
   * and `continue-on-error`): a value of the wrong type there is a step error.
   */
  evaluatedParamsSchema?: E;
  /** What the palette and the node header call the kind, and the palette's one-line tooltip. */
  title: string;
  description: string;
  /** The start of fresh node ids (`create-case`, `create-case-2`, …). */
  idBase: string;
  /** Params of a freshly added node: valid where the kind allows it, else the shape the inspector fills in. */
  defaults: (context: NewNodeContext) => Record<string, unknown>;
  /** The one or two parameters that tell nodes of the kind apart on the canvas (a draft: params may be invalid). */
  summary: (params: Record<string, unknown>, catalog: CatalogSnapshot) => (string | undefined)[];
  /** What an output handle is called on the canvas, when not its id. */
  handleLabel?: (params: Record<string, unknown>, handle: string) => string | undefined;
}

/** Keeps the literal kind and the params type of a definition. */
export function defineNode<const K extends string, P extends z.ZodType, E extends z.ZodType = z.ZodType>(
  definition: NodeDefinition<K, P, E>,
) {
  return definition;
}
