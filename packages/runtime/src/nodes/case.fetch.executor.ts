import type { CaseDocument } from '../cases/case-collections.ts';
import type { CaseDomain } from '../cases/case-domain.ts';
import { NotFoundError } from '../platform/errors.ts';
import type { EvaluatedParams } from './case-step-executor.ts';

/** `case.fetch`: reads the case for later steps, changing nothing; an unknown id is a step error (not retried). */
export async function fetchCaseStep(params: EvaluatedParams<'case.fetch'>, domain: CaseDomain): Promise<CaseDocument> {
  const caseId = params['case-id'];
  const kase = await domain.caseRepository.findById(caseId);
  if (!kase) throw new NotFoundError(`No case with id ${caseId}.`);
  return kase;
}
