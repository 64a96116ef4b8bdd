import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const workflowFile = path.join(repoRoot, 'packages/runtime/src/temporal/workflows/lint-fixture.workflow.ts');
const activityFile = path.join(repoRoot, 'packages/runtime/src/temporal/activities/lint-fixture.activities.ts');

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  // The fixtures are not files on disk, so lint them without type information (the import rules need none).
  const eslint = new ESLint({
    cwd: repoRoot,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
    },
  });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

// Workflow code is replayed: the lint config is what keeps I/O and Node APIs out of it.
describe('the deterministic zone (ESLint)', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", 'readFileSync', /node:fs/],
    ["import path from 'path';", 'path', /'path'/],
    ["import { MongoClient } from 'mongodb';", 'MongoClient', /mongodb/],
    ["import Fastify from 'fastify';", 'Fastify', /fastify/],
    ["import { createActivities } from '../activities/index.ts';", 'createActivities', /activities as types only/],
  ])('rejects `%s` in workflow files', async (line, name, expected) => {
    const code = [line, `export const used = [${name}];`].join('\n');
    const messages = await restrictedImports(code, workflowFile);
    expect(messages.join('\n')).toMatch(expected);
  });

  it('allows type imports of activities and the workflow SDK', async () => {
    const code = [
      "import { proxyActivities } from '@temporalio/workflow';",
      "import type { Activities } from '../activities/index.ts';",
      "export const acts = proxyActivities<Activities>({ startToCloseTimeout: '1 minute' });",
    ].join('\n');
    expect(await restrictedImports(code, workflowFile)).toEqual([]);
  });

  it('leaves activities free to do I/O', async () => {
    expect(
      await restrictedImports("import { MongoClient } from 'mongodb';\nexport const c = MongoClient;\n", activityFile),
    ).toEqual([]);
  });
});
