import {
  apiKeyResourceSchema,
  assignCaseRequestSchema,
  createApiKeyRequestSchema,
  createSessionRequestSchema,
  createUserRequestSchema,
  sessionResourceSchema,
  updateUserRequestSchema,
  userResourceSchema,
  caseObjectsRequestSchema,
  caseSearchRequestSchema,
  caseQueueResourceSchema,
  caseResourceSchema,
  caseTagRequestSchema,
  caseTemplateResourceSchema,
  createCaseQueueRequestSchema,
  createCaseRequestSchema,
  createCaseTemplateRequestSchema,
  createCommentRequestSchema,
  createSystemCheckRequestSchema,
  createWorkflowRequestSchema,
  errorDocumentSchema,
  eventResourceSchema,
  publishWorkflowRequestSchema,
  rerunWorkflowRunRequestSchema,
  restoreWorkflowRequestSchema,
  workflowRolloutRequestSchema,
  saveWorkflowDraftRequestSchema,
  setCaseStatusRequestSchema,
  setCaseTagsRequestSchema,
  updateCaseRequestSchema,
  updateCaseTemplateRequestSchema,
  triggerWorkflowRequestSchema,
  updateWorkflowRequestSchema,
  workflowResourceSchema,
  workflowRunResourceSchema,
  workflowVersionResourceSchema,
  createSecretRequestSchema,
  replaceSecretRequestSchema,
  secretResourceSchema,
} from '@casework/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

interface JsonSchema {
  $ref?: string;
  anyOf?: JsonSchema[];
  type?: string;
  example?: unknown;
  examples?: unknown[];
}
interface Content {
  content?: Record<string, { schema?: JsonSchema }>;
}
interface Operation {
  summary?: string;
  requestBody?: Content;
  responses: Record<string, Content>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

/**
 * The zod schema behind each operation's request body, so each documented example can be checked against the
 * validator the route really uses. A new route with a body belongs here (and needs an example to pass).
 */
const requestBodies: Record<string, z.ZodType> = {
  'POST /api/v1/system-checks': createSystemCheckRequestSchema,
  'POST /api/v1/case-templates': createCaseTemplateRequestSchema,
  'PATCH /api/v1/case-templates/{id}': updateCaseTemplateRequestSchema,
  'POST /api/v1/case-queues': createCaseQueueRequestSchema,
  'POST /api/v1/cases': createCaseRequestSchema,
  'PATCH /api/v1/cases/{id}': updateCaseRequestSchema,
  'POST /api/v1/cases/search': caseSearchRequestSchema,
  'POST /api/v1/cases/{id}/add-objects': caseObjectsRequestSchema,
  'POST /api/v1/cases/{id}/remove-objects': caseObjectsRequestSchema,
  'POST /api/v1/cases/{id}/assign': assignCaseRequestSchema,
  'POST /api/v1/cases/{id}/set-status': setCaseStatusRequestSchema,
  'POST /api/v1/cases/{id}/add-tag': caseTagRequestSchema,
  'POST /api/v1/cases/{id}/remove-tag': caseTagRequestSchema,
  'POST /api/v1/cases/{id}/set-tags': setCaseTagsRequestSchema,
  'POST /api/v1/cases/{id}/comments': createCommentRequestSchema,
  'POST /api/v1/workflows': createWorkflowRequestSchema,
  'PATCH /api/v1/workflows/{id}': updateWorkflowRequestSchema,
  'PUT /api/v1/workflows/{id}/draft': saveWorkflowDraftRequestSchema,
  'POST /api/v1/workflows/{id}/publish': publishWorkflowRequestSchema,
  'POST /api/v1/workflows/{id}/restore': restoreWorkflowRequestSchema,
  'POST /api/v1/workflows/{id}/rollout': workflowRolloutRequestSchema,
  'POST /api/v1/workflows/{id}/trigger': triggerWorkflowRequestSchema,
  'POST /api/v1/workflow-runs/{id}/rerun': rerunWorkflowRunRequestSchema,
  'POST /api/v1/sessions': createSessionRequestSchema,
  'POST /api/v1/users': createUserRequestSchema,
  'PATCH /api/v1/users/{id}': updateUserRequestSchema,
  'POST /api/v1/api-keys': createApiKeyRequestSchema,
  'POST /api/v1/secrets': createSecretRequestSchema,
  'PATCH /api/v1/secrets/{name}': replaceSecretRequestSchema,
};

/** The main resources (and the error document) as the docs show them, by component name. */
const resources: Record<string, z.ZodType> = {
  Case: caseResourceSchema,
  CaseTemplate: caseTemplateResourceSchema,
  CaseQueue: caseQueueResourceSchema,
  Event: eventResourceSchema,
  Workflow: workflowResourceSchema,
  WorkflowVersion: workflowVersionResourceSchema,
  WorkflowRun: workflowRunResourceSchema,
  User: userResourceSchema,
  ApiKey: apiKeyResourceSchema,
  Session: sessionResourceSchema,
  Secret: secretResourceSchema,
  ErrorDocument: errorDocumentSchema,
};

const httpMethods = new Set(['get', 'put', 'post', 'patch', 'delete']);
const errorDocumentRef = '#/components/schemas/ErrorDocument';

const exampleOf = (schema: JsonSchema | undefined) => schema?.example ?? schema?.examples?.[0];
const problemsOf = (result: z.ZodSafeParseResult<unknown>) => (result.success ? '' : z.prettifyError(result.error));

// Swagger UI's "Try it out" starts from these examples, and integrators copy them: they must be complete and valid.
describe('OpenAPI examples and responses', () => {
  let t: TestApp;
  let spec: Spec;
  const operations: { name: string; operation: Operation }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    spec = response.json();
    for (const [path, pathItem] of Object.entries(spec.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const [method, operation] of Object.entries(pathItem)) {
        if (httpMethods.has(method)) operations.push({ name: `${method.toUpperCase()} ${path}`, operation });
      }
    }
  });
  afterAll(async () => t.close());

  /** Follows a `$ref` into components, and an optional body (`anyOf` with null) into its object. */
  const resolve = (schema: JsonSchema | undefined): JsonSchema | undefined => {
    if (schema?.$ref) return resolve(spec.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
    const branches = schema?.anyOf?.filter((branch) => branch.type !== 'null');
    if (branches?.length === 1) return resolve(branches[0]);
    return schema;
  };

  it('documents the Cases API', () => {
    expect(operations.map((op) => op.name)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/cases',
        'GET /api/v1/cases/{id}/events',
        'POST /api/v1/case-templates',
        'POST /api/v1/case-queues',
        'GET /api/v1/events',
      ]),
    );
  });

  it('gives every /api/v1 operation a summary, a 2xx response with a schema, and errors as the error document', () => {
    const problems: string[] = [];
    for (const { name, operation } of operations) {
      if (!operation.summary) problems.push(`${name}: no summary`);
      const statuses = Object.keys(operation.responses);
      const success = statuses.filter((status) => /^2\d\d$/.test(status));
      const noContent = success.length === 1 && success[0] === '204';
      const content = (status: string) => operation.responses[status]?.content;
      const schemaOf = (status: string) =>
        content(status)?.['application/json']?.schema ?? content(status)?.['text/event-stream']?.schema;
      if (!noContent && !success.some(schemaOf)) {
        problems.push(`${name}: no 2xx response with a JSON schema`);
      }
      const errors = statuses.filter((status) => /^[45]\d\d$/.test(status));
      if (!errors.includes('401')) problems.push(`${name}: 401 undocumented`);
      for (const status of errors) {
        const schema = operation.responses[status]?.content?.['application/json']?.schema;
        if (schema?.$ref !== errorDocumentRef) problems.push(`${name}: ${status} is not the error document`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('shows a complete, valid example of every request body', () => {
    const withBody = operations.filter(({ operation }) => operation.requestBody);
    expect(withBody.map((op) => op.name).sort()).toEqual(Object.keys(requestBodies).sort());

    const problems: string[] = [];
    for (const { name, operation } of withBody) {
      const documented = resolve(operation.requestBody?.content?.['application/json']?.schema);
      const example = exampleOf(documented);
      const zodSchema = requestBodies[name] as z.ZodType;
      if (example === undefined) {
        problems.push(`${name}: the body schema has no example (add .meta({ example }) to its DTO)`);
        continue;
      }
      // The documented example is the one on the zod schema this table names, so the check below is the real one.
      expect(example, `${name}: example comes from its DTO`).toEqual(z.globalRegistry.get(zodSchema)?.example);
      const result = zodSchema.safeParse(example);
      if (!result.success) problems.push(`${name}: example is invalid:\n${problemsOf(result)}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(Object.keys(resources))('shows a complete, valid example of %s', (name) => {
    const example = exampleOf(spec.components.schemas[name]);
    expect(example, `${name} has an example`).toBeDefined();
    const result = (resources[name] as z.ZodType).safeParse(example);
    expect(result.success, problemsOf(result)).toBe(true);
  });
});
