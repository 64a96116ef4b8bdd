import { caseAddCommentExecutors } from './case.add-comment.executor.ts';
import { caseAddToQueueExecutors } from './case.add-to-queue.executor.ts';
import { caseAssignExecutors } from './case.assign.executor.ts';
import { caseAttachObjectsExecutors } from './case.attach-objects.executor.ts';
import { caseRedactExecutors } from './case.redact.executor.ts';
import { caseSetStatusExecutors } from './case.set-status.executor.ts';
import { caseUpdateFieldsExecutors } from './case.update-fields.executor.ts';
import { caseSlaExecutors } from './case-sla.executor.ts';
import type { CaseChangeExecutor, CaseChangeExecutors, CaseChangeKind } from './case-step-executor.ts';
import { caseTagsExecutors } from './case-tags.executor.ts';

/**
 * The run-time executor of every case step that changes a case, by kind: one file per kind, or per family of kinds
 * sharing code (tags, SLA). A `case.*` kind of the catalog without an executor here is a type error.
 */
const caseChangeExecutors: CaseChangeExecutors<CaseChangeKind> = {
  ...caseUpdateFieldsExecutors,
  ...caseAttachObjectsExecutors,
  ...caseSetStatusExecutors,
  ...caseAssignExecutors,
  ...caseSlaExecutors,
  ...caseAddToQueueExecutors,
  ...caseAddCommentExecutors,
  ...caseTagsExecutors,
  ...caseRedactExecutors,
};

/** The executor of a case-changing kind, widened so callers can pass params parsed by that kind's schema. */
export const caseChangeExecutorOf = (kind: CaseChangeKind) =>
  caseChangeExecutors[kind] as unknown as CaseChangeExecutor<CaseChangeKind>;
