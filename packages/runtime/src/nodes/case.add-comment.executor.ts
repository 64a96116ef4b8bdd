import { newId } from '../platform/ids.ts';
import type { CaseChangeExecutors } from './case-step-executor.ts';

/** A comment is a `case.commented` event on the case's timeline, as the Cases API's comments are. */
export const caseAddCommentExecutors: CaseChangeExecutors<'case.add-comment'> = {
  'case.add-comment': {
    change:
      ({ body }) =>
      () => ({ set: {}, events: [{ name: 'case.commented', payload: { 'comment-id': newId('comment'), body } }] }),
  },
};
