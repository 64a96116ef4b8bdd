import type { z } from 'zod';
import type { CatalogSnapshot } from '../compile/catalog-snapshot.ts';
import type { CatalogCheck } from './node-checks.ts';
import { defineNode } from './node-definition.ts';
import { caseStepOutputSchema } from './node-outputs.ts';
import { caseActionParams } from './node-params.ts';
import { caseLine } from './node-summary-text.ts';

type CaseActionParams<S extends z.ZodRawShape> = z.output<ReturnType<typeof caseActionParams<S>>>;

/** A `case.*` action as its node file states it: the action's own parameters, defaults and summary line. */
export interface CaseActionSpec<K extends `case.${string}`, S extends z.ZodRawShape, E extends z.ZodType> {
  kind: K;
  version: number;
  title: string;
  description: string;
  idBase: string;
  /** The action's own parameters (besides `case`, `retry` and `continue-on-error`). */
  params: S;
  /** The action's own parameters in a fresh node. */
  defaults: Record<string, unknown>;
  evaluatedParamsSchema: E;
  /** The line above `case of <node>` on the canvas. */
  summary?: (params: Record<string, unknown>, catalog: CatalogSnapshot) => string | undefined;
  checkCatalog?: (params: CaseActionParams<S>, check: CatalogCheck) => void;
}

/**
 * One action on the case of an upstream node (`case: { node }`): its output is `{ case }` after the action, its only
 * handle `next`, and the runtime runs it as one case step (packages/runtime/src/nodes/).
 */
export function defineCaseAction<const K extends `case.${string}`, S extends z.ZodRawShape, E extends z.ZodType>(
  spec: CaseActionSpec<K, S, E>,
) {
  const { summary, params, defaults, ...rest } = spec;
  return defineNode({
    ...rest,
    role: 'action',
    paramsSchema: caseActionParams(params),
    handles: () => ['next'],
    outputSchema: caseStepOutputSchema,
    outputHasCase: true,
    defaults: (context) => ({ case: { node: context.caseNode ?? '' }, ...defaults }),
    summary: (draft, catalog) => [summary?.(draft, catalog), caseLine(draft)],
  });
}
