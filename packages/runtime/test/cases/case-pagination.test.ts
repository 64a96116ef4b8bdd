import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCaseDocument, type CaseDocument } from '../../src/cases/case-collections.ts';
import { createCaseRepository } from '../../src/cases/case-repository.ts';
import { newId } from '../../src/platform/ids.ts';
import { createCase, createTemplate } from '../helpers/case-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const TOTAL = 10_000;
const PAGE = 100;

interface ListBody {
  data: { id: string; attributes: { 'created-at': string; name: string } }[];
  links: { prev: string | null; next: string | null };
}

// Listing reads the `cases` collection, so most cases are imported in bulk (as the repository stores them);
// a few are created through the API to make sure both kinds page the same way.
describe('paging through 10,000 cases', () => {
  let t: TestApp;
  const expected: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '100000' });
    const template = await createTemplate(t);
    expected.push((await createCase(t, template.id)).id);
    const start = Date.now() - TOTAL * 10;
    const seeded: CaseDocument[] = Array.from({ length: TOTAL - 2 }, (_, i) => {
      const createdAt = new Date(start + i * 10);
      return newCaseDocument(
        {
          _id: newId('case', createdAt.getTime()),
          name: `${template.attributes.key}-${i + 2}`,
          templateId: template.id,
          statuses: [
            { name: 'open', type: 'initial' },
            { name: 'done', type: 'end' },
          ],
          fieldSchemas: [],
          status: 'open',
          fields: {},
        },
        createdAt,
      );
    });
    const repository = createCaseRepository(t.db);
    for (let i = 0; i < seeded.length; i += 1000) await repository.importMany(seeded.slice(i, i + 1000));
    expected.push(...seeded.map((kase) => kase._id));
    expected.push((await createCase(t, template.id)).id);
  }, 300_000);
  afterAll(async () => t.close());

  const get = async (url: string): Promise<ListBody> => {
    const response = await t.app.inject({ method: 'GET', url, headers: t.auth });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  // The embedded store answers each page by scanning (it uses only _id and unique indexes).
  it('returns each case exactly once, newest first, and links.prev walks back', { timeout: 600_000 }, async () => {
    const seen: string[] = [];
    const pages: string[] = [];
    let url: string | null = `/api/v1/cases?page[size]=${PAGE}`;
    while (url) {
      pages.push(url);
      const body = await get(url);
      expect(body.data.length).toBeLessThanOrEqual(PAGE);
      seen.push(...body.data.map((kase) => kase.id));
      url = body.links.next;
    }
    expect(pages).toHaveLength(TOTAL / PAGE);
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
    expect(seen).toEqual([...expected].reverse());

    // From the last page, prev links lead back through the same pages to the first.
    let back: string | null = (await get(pages.at(-1) ?? '')).links.prev;
    const walkedBack: string[] = [];
    for (let i = 0; i < 3 && back; i++) {
      const body = await get(back);
      walkedBack.unshift(...body.data.map((kase) => kase.id));
      back = body.links.prev;
    }
    expect(walkedBack).toEqual(seen.slice(TOTAL - 4 * PAGE, TOTAL - PAGE));
  });
});
