import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';

let counter = 0;
/** A template key unique within the test run (keys are unique per database, and upper-case). */
export const uniqueKey = (prefix = 'T') =>
  `${prefix}${(++counter).toString(36).toUpperCase()}${randomBytes(2).toString('hex').toUpperCase()}`.slice(0, 16);

export const reviewTemplateAttributes = (overrides: Record<string, unknown> = {}) => ({
  name: 'KYC review',
  key: uniqueKey('KYC'),
  statuses: [
    { name: 'open', type: 'initial' },
    { name: 'in-review', type: 'intermediate' },
    { name: 'approved', type: 'end' },
    { name: 'declined', type: 'end' },
  ],
  'field-schemas': [
    { key: 'amount', type: 'number', label: 'Amount', required: true },
    { key: 'country', type: 'choice', required: false, config: { choices: ['US', 'DE', 'FR'] } },
    { key: 'notes', type: 'string', required: false },
    { key: 'due', type: 'date', required: false },
    { key: 'flags', type: 'string-array', required: false },
    { key: 'raw', type: 'object', required: false },
  ],
  ...overrides,
});

export async function createTemplate(t: TestApp, overrides: Record<string, unknown> = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/case-templates',
    headers: t.auth,
    payload: { data: { attributes: reviewTemplateAttributes(overrides) } },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data as { id: string; attributes: { key: string } };
}

export async function createQueue(t: TestApp, name = 'Escalations') {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/case-queues',
    headers: t.auth,
    payload: { data: { attributes: { name } } },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data as { id: string };
}

export interface CaseBody {
  id: string;
  attributes: Record<string, unknown> & {
    status: string;
    name: string;
    fields: Record<string, { type: string; value: unknown }>;
  };
  relationships: Record<string, { data: unknown }>;
}

export async function createCase(t: TestApp, templateId: string, extra: { attributes?: object; meta?: object } = {}) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: t.auth,
    payload: {
      data: { attributes: { 'case-template-id': templateId, fields: { amount: 100 }, ...extra.attributes } },
      ...(extra.meta ? { meta: extra.meta } : {}),
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().data as CaseBody;
}

/** POSTs a case action (`/cases/{id}/<action>`) with `meta`, returning the raw response. */
export const caseAction = (t: TestApp, id: string, action: string, meta: object) =>
  t.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/${action}`, headers: t.auth, payload: { meta } });

export async function caseEvents(t: TestApp, id: string): Promise<string[]> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/cases/${id}/events?page[size]=100`,
    headers: t.auth,
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().data as { attributes: { name: string } }[]).map((event) => event.attributes.name).reverse();
}
