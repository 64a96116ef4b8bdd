import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../../scripts/lib/ports.mjs';
import { startMongoServer } from '../../../../scripts/lib/services.mjs';
import { createDomains } from '../../src/composition.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createTemporalHandle } from '../../src/temporal/client.ts';
import { createTemplate } from '../helpers/case-fixtures.ts';
import { testServices } from '../helpers/services.ts';
import { createTestApp } from '../helpers/test-app.ts';

type Store = Awaited<ReturnType<typeof startMongoServer>>;

// The Cases API on a store of its own that is SIGKILLed while clients create cases, then restarted on the same data:
// every case the API acknowledged (201) is there with its events, none twice, and no case number is used twice.
describe('the Cases API when the store is killed under load', () => {
  const { mongoServer } = testServices();
  const root = mkdtempSync(path.join(tmpdir(), 'casework-store-crash-'));
  const stores: Store[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.proc.stop()));
    rmSync(root, { recursive: true, force: true });
  });

  it.skipIf(!mongoServer)('keeps every acknowledged case and event exactly once', { timeout: 180_000 }, async () => {
    if (!mongoServer) return;
    const dataDir = path.join(root, 'mongo');
    const port = await freePort();
    const launch = async () => {
      const store = await startMongoServer({ mongoServer, port, dataDir, echo: false });
      stores.push(store);
      return store;
    };
    const store = await launch();
    const t = await createTestApp({ MONGODB_URI: store.uri, RATE_LIMIT_MAX: '1000000' });
    const temporal = createTemporalHandle({
      address: t.env.TEMPORAL_ADDRESS,
      namespace: t.env.TEMPORAL_NAMESPACE,
      taskQueue: t.env.TEMPORAL_TASK_QUEUE,
    });
    try {
      const template = await createTemplate(t);
      const acknowledged: string[] = [];
      const client = async () => {
        for (;;) {
          const response = await t.app.inject({
            method: 'POST',
            url: '/api/v1/cases',
            headers: t.auth,
            payload: {
              data: { attributes: { 'case-template-id': template.id, fields: { amount: 1 } } },
              meta: { 'object-ids': ['inq_crash'] },
            },
          });
          if (response.statusCode !== 201) return;
          acknowledged.push((response.json() as { data: { id: string } }).data.id);
        }
      };
      const clients = Array.from({ length: 8 }, client);
      while (acknowledged.length < 150) await new Promise((resolve) => setTimeout(resolve, 20));
      store.proc.child.kill('SIGKILL');
      await Promise.all(clients);
      await launch();

      // What the writes that were cut off left to publish is finished by the sweeper (at start-up and every ten minutes).
      const domains = createDomains({ db: t.db, clock: systemClock, log: { warn: () => {} }, temporal });
      await domains.cases.publisher.sweep(1_000);

      const cases = await t.db
        .collection<{ _id: string; name: string; dirty: boolean }>('cases')
        .find({ templateId: template.id })
        .toArray();
      const stored = new Set(cases.map((kase) => kase._id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost, `${lost.length} of ${acknowledged.length} acknowledged cases lost`).toEqual([]);
      expect(new Set(cases.map((kase) => kase.name)).size, 'a case number used twice').toBe(cases.length);
      expect(cases.filter((kase) => kase.dirty)).toEqual([]);
      const events = await t.db
        .collection<{ caseId: string; name: string }>('events')
        .find({ caseId: { $in: [...stored] } })
        .toArray();
      for (const name of ['case.created', 'case.objects-added']) {
        const perCase = new Map<string, number>();
        for (const event of events.filter((candidate) => candidate.name === name)) {
          perCase.set(event.caseId, (perCase.get(event.caseId) ?? 0) + 1);
        }
        expect(
          [...stored].filter((id) => perCase.get(id) !== 1),
          `cases without exactly one ${name}`,
        ).toEqual([]);
      }
    } finally {
      await temporal.connection.close();
      await t.close();
    }
  });
});
