import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../../scripts/lib/ports.mjs';
import { findPython } from '../../../../scripts/lib/prerequisites.mjs';
import { startTemporal } from '../../../../scripts/lib/services.mjs';
import { eventually } from '../helpers/eventually.ts';
import { testServices } from '../helpers/services.ts';

type Started = Awaited<ReturnType<typeof startTemporal>>;

const listIndexes = `
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'executions_visibility' AND sql IS NOT NULL"):
    print(name)
`;

// The dev server's visibility indexes fitted to the search attributes in use (scripts/lib/temporal-visibility.mjs).
// This file restarts its server, so it runs its own, never the shared one.
describe("the local Temporal's visibility indexes", () => {
  const services = testServices();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'casework-visibility-'));
  const dbFile = path.join(dataDir, 'temporal.db');
  let port: number;
  let temporal: Started | undefined;
  const started = () => {
    if (!temporal) throw new Error('the dev server did not start');
    return temporal;
  };

  const launch = () =>
    startTemporal({ temporalCli: services.temporalCli, port, uiPort: 0, dbFile, headless: true, echo: false });
  const indexes = () =>
    execFileSync(findPython(), ['-c', listIndexes, dbFile], { encoding: 'utf8' }).trim().split('\n').sort();
  const temporalCli = (...args: string[]) =>
    execFileSync(services.temporalCli, [...args, '--address', started().address], { encoding: 'utf8' });
  /** The slot (Keyword06, …) the default namespace gives a registered attribute. */
  const slotOf = (name: string) => {
    const described = JSON.parse(temporalCli('operator', 'namespace', 'describe', '-n', 'default', '-o', 'json'));
    const aliases: Record<string, string> = described.config.customSearchAttributeAliases ?? {};
    const slot = Object.entries(aliases).find(([, alias]) => alias === name)?.[0];
    if (!slot) throw new Error(`${name} has no slot`);
    return slot;
  };
  const indexOf = (slot: string) => `by_${slot.replace(/(\d\d)$/, '_$1').toLowerCase()}`;

  beforeAll(async () => {
    port = await freePort();
    temporal = await launch();
  });
  afterAll(async () => {
    await temporal?.proc.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the indexes of the slots Casework uses and of the system attributes, and drops the rest', () => {
    expect(started().visibilityIndexes?.dropped.length).toBeGreaterThan(20);
    const now = indexes();
    for (const name of ['CaseworkWorkflowId', 'CaseworkVersionId']) expect(now).toContain(indexOf(slotOf(name)));
    expect(now).toEqual(expect.arrayContaining(['default_idx', 'by_status', 'by_workflow_type', 'by_workflow_id']));
    expect(now).not.toContain('by_bool_01');
    expect(now).not.toContain('by_temporal_keyword_01');
  });

  it('still finds runs by status, by workflow and by case, the way Temporal UI asks', async () => {
    const connection = await Connection.connect({ address: started().address });
    try {
      const client = new Client({ connection });
      const workflowId = `visibility-${Date.now()}`;
      // No worker listens on this queue: the execution just stays running, which is all visibility needs.
      const handle = await client.workflow.start('runPlan', {
        taskQueue: `visibility-test-${Date.now()}`,
        workflowId,
        args: [],
        searchAttributes: { CaseworkWorkflowId: ['wfl_visibility'], CaseworkCaseIds: ['case_visibility'] },
      });
      const found = async (query: string) => {
        const ids: string[] = [];
        for await (const execution of client.workflow.list({ query })) ids.push(execution.workflowId);
        return ids;
      };
      for (const query of [
        `CaseworkWorkflowId = 'wfl_visibility'`,
        `CaseworkCaseIds = 'case_visibility'`,
        `ExecutionStatus = 'Running' AND WorkflowType = 'runPlan'`,
      ]) {
        await eventually(async () => ((await found(query)).includes(workflowId) ? true : undefined), {
          timeoutMs: 15_000,
          what: `${query} to list ${workflowId}`,
        });
      }
      await handle.terminate('test done');
    } finally {
      await connection.close();
    }
  });

  it('changes nothing on a restart, and indexes a slot that has come into use', async () => {
    temporalCli('operator', 'search-attribute', 'create', '--name', 'CaseworkTestCount', '--type', 'Int');
    await started().proc.stop();
    temporal = await launch();
    const slot = slotOf('CaseworkTestCount');
    expect(temporal.visibilityIndexes).toEqual({ dropped: [], created: [indexOf(slot)], kept: 2 });
    expect(indexes()).toContain(indexOf(slot));

    await temporal.proc.stop();
    temporal = await launch();
    expect(temporal.visibilityIndexes).toEqual({ dropped: [], created: [], kept: 3 });
  });
});
