import { ApplicationFailure, log } from '@temporalio/activity';

export type SlaExpiryOutcome = 'expired' | 'already-expired' | 'stale' | 'not-found';

/**
 * What the SLA timer needs from the case service: expire the case's SLA if its deadline is still
 * `expectedExpiresAt` (and it is neither resolved nor expired), idempotently — retries must not record twice.
 */
export interface SlaExpiry {
  expireSla(caseId: string, expectedExpiresAt: Date): Promise<SlaExpiryOutcome>;
}

export function createCaseSlaActivities(deps: { slaExpiry: SlaExpiry }) {
  return {
    async expireCaseSla(input: { caseId: string; expiresAt: string }): Promise<SlaExpiryOutcome> {
      const outcome = await deps.slaExpiry.expireSla(input.caseId, new Date(input.expiresAt));
      log.info('expired case SLA', { caseId: input.caseId, expiresAt: input.expiresAt, outcome });
      return outcome;
    },
  };
}

/** Registered while no case service is wired in: fails loudly instead of retrying forever. */
export const unconfiguredSlaExpiry: SlaExpiry = {
  async expireSla() {
    throw ApplicationFailure.nonRetryable(
      'No SLA expiry service is configured for this worker (ActivityDeps.slaExpiry)',
      'SlaExpiryNotConfigured',
    );
  },
};

export type CaseSlaActivities = ReturnType<typeof createCaseSlaActivities>;
