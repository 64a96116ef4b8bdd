import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemplate, reviewTemplateAttributes } from '../helpers/case-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Names, labels and notes refuse control characters the same way everywhere (packages/shared/src/api/text.ts), and
// an empty page cursor means none.
describe('input hygiene', () => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const template = await createTemplate(t);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: t.auth,
      payload: { data: { attributes: { 'case-template-id': template.id, fields: { amount: 1 } } } },
    });
    expect(created.statusCode, created.body).toBe(201);
    caseId = created.json().data.id;
  });
  afterAll(async () => t.close());

  const nul = 'bad\u0000name';
  it.each([
    ['a queue name', 'POST', '/api/v1/case-queues', { data: { attributes: { name: nul } } }, '/data/attributes/name'],
    [
      'a template name',
      'POST',
      '/api/v1/case-templates',
      { data: { attributes: reviewTemplateAttributes({ name: 'esc\u001b[31m' }) } },
      '/data/attributes/name',
    ],
    [
      'a workflow name',
      'POST',
      '/api/v1/workflows',
      { data: { attributes: { name: nul, graph: { nodes: [], edges: [] } } } },
      '/data/attributes/name',
    ],
    ['a tag', 'POST', '/api/v1/cases/{case}/add-tag', { meta: { 'tag-name': nul } }, '/meta/tag-name'],
    ['a comment', 'POST', '/api/v1/cases/{case}/comments', { data: { attributes: { body: `a\u0007b` } } }, null],
  ] as const)('refuses control characters in %s', async (_what, method, url, payload, pointer) => {
    const response = await t.app.inject({ method, url: url.replace('{case}', caseId), headers: t.auth, payload });
    expect(response.statusCode, response.body).toBe(400);
    const error = response.json().errors[0];
    expect(error.details).toMatch(/control characters/);
    if (pointer) expect(error.source.pointer).toBe(pointer);
  });

  it('keeps line breaks in a comment', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/comments`,
      headers: t.auth,
      payload: { data: { attributes: { body: 'first line\nsecond\tline' } } },
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
  });

  it('treats an empty page cursor as none', async () => {
    for (const key of ['page[after]', 'page[before]']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/cases?${key}=`, headers: t.auth });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().data.map((item: { id: string }) => item.id)).toContain(caseId);
    }
  });
});
