import type { NodeCatalog, NodeKind } from '@casework/shared';
import type { z } from 'zod';
import type { Actor, CaseDocument } from '../cases/case-collections.ts';
import type { CaseChange } from '../cases/case-changes.ts';
import type { CaseDomain } from '../cases/case-domain.ts';

/** Every `case.*` kind is one case step: one `runCaseStep` activity (packages/runtime/src/runs/case-step-service.ts). */
export type CaseStepKind = Extract<NodeKind, `case.${string}`>;
/** The case steps that change an existing case (all but `case.create` and `case.fetch`). */
export type CaseChangeKind = Exclude<CaseStepKind, 'case.create' | 'case.fetch'>;

/** A step's params once the interpreter evaluated its expressions, parsed with its kind's `evaluatedParamsSchema`. */
export type EvaluatedParams<K extends CaseStepKind> = z.output<NonNullable<NodeCatalog[K]['evaluatedParamsSchema']>>;

/** The change a step makes to a case, computed on each (re)read of it; null when there is nothing to change. */
export type CaseChangeOf = (kase: CaseDocument, now: Date) => CaseChange | null;

export interface CaseChangeContext {
  actor: Actor;
  domain: CaseDomain;
}

/** What a case step of kind K does at run time: its change to the case (it may read the store to prepare it). */
export interface CaseChangeExecutor<K extends CaseChangeKind> {
  change: (params: EvaluatedParams<K>, context: CaseChangeContext) => CaseChangeOf | Promise<CaseChangeOf>;
  /** A redacted case (which refuses every change) is what the step wants: it completes instead of failing. */
  doneWhenRedacted?: boolean;
}

/** The executors of one kind, or of a family of kinds sharing code, keyed by kind. */
export type CaseChangeExecutors<K extends CaseChangeKind> = { [Kind in K]: CaseChangeExecutor<Kind> };
