import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

// Registered on the Temporal server (scripts/lib/services.mjs, docker-compose.yml): persisted names, never rename.
export const workflowIdKey = defineSearchAttributeKey('CaseworkWorkflowId', SearchAttributeType.KEYWORD);
export const versionIdKey = defineSearchAttributeKey('CaseworkVersionId', SearchAttributeType.KEYWORD);
export const caseIdsKey = defineSearchAttributeKey('CaseworkCaseIds', SearchAttributeType.KEYWORD_LIST);
