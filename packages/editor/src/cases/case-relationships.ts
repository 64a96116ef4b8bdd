import type { caseRelationshipsSchema, CaseResource } from '@casework/shared';

export type CaseRelationships = ReturnType<typeof caseRelationshipsSchema.parse>;

/**
 * The case's relationships (template, queue, objects by type, runs). The shared resource schema builds them in
 * generically, which leaves their type unknown; the API always sends them (packages/shared/src/api/case.dto.ts).
 */
export const relationshipsOf = (kase: CaseResource): CaseRelationships => kase.relationships as CaseRelationships;
