import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { probe } from './exec.mjs';
import { runtimeDir } from './paths.mjs';
import { pipInstall, venvBin } from './temporal-tools.mjs';

// Pinned: the suite's fuzz test and bench/fuzz.ts expect this version's phases, checks and output.
export const SCHEMATHESIS_VERSION = '4.32.5';

/** Where `ensureSchemathesis` puts the `st` CLI: the project venv. */
export const schemathesisBin = () => venvBin('st');

/** The installed `st`'s version, or null when there is none. */
export function schemathesisVersion() {
  return probe(schemathesisBin(), ['--version'])?.match(/\d+\.\d+\.\d+/)?.[0] ?? null;
}

/** Schemathesis (the API fuzzer) from PyPI into the project venv, pinned; a no-op when that version is there. */
export async function ensureSchemathesis(log) {
  if (schemathesisVersion() !== SCHEMATHESIS_VERSION) await pipInstall(log, `schemathesis==${SCHEMATHESIS_VERSION}`);
  return schemathesisBin();
}

/** The suite's and the bench's Schemathesis configuration (what holds for both; see its comments). */
export const schemathesisConfig = path.join(runtimeDir, 'test', 'deploy', 'schemathesis.toml');

/** Every phase of Schemathesis 4: the schema's examples, edge cases per keyword, random inputs, sequences of calls. */
export const PHASES = ['examples', 'coverage', 'fuzzing', 'stateful'];

const count = (text, pattern) => {
  const match = text.match(pattern);
  return match ? Number(match[1]) : null;
};

/** The figures of a run, read from its summary (the format of the pinned version). */
export function summarize(output) {
  return {
    operations: count(output, /Tested:\s+(\d+)/),
    testCases: count(output, /(\d+) generated/),
    failures: count(output, /(\d+) unique failures?/) ?? 0,
    errors: count(output, /(\d+) errors?[, ]/) ?? 0,
    scenarios: count(output, /Scenarios:\s+(\d+)/),
    linksCovered: count(output, /API Links:\s+(\d+) covered/),
  };
}

/**
 * Runs `st run` against the api at `url` with every check (the configuration enables them all) and every phase, a
 * fixed seed and at most `maxExamples` test cases per operation; `configFile` defaults to `schemathesisConfig`.
 * Resolves with the exit code, the whole report (without colours) and its figures; never rejects for failures found.
 * One worker by default: the same test cases for a seed every time, and no Hypothesis internals racing on threads (with
 * two, a long run once died of "AST constructor recursion depth mismatch" inside Hypothesis on Python 3.11).
 */
export function runSchemathesis({
  url,
  apiKey,
  seed,
  maxExamples,
  workers = 1,
  configFile = schemathesisConfig,
  extraArgs = [],
}) {
  const args = [
    '--no-color',
    '--config-file',
    configFile,
    'run',
    `${url}/openapi.json`,
    '--header',
    `Authorization: Bearer ${apiKey}`,
    '--phases',
    PHASES.join(','),
    '--seed',
    String(seed),
    '--max-examples',
    String(maxExamples),
    '--workers',
    String(workers),
    ...extraArgs,
  ];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(schemathesisBin(), args, {
      // Wide, so that its report is not wrapped mid-line; no progress bars.
      env: { ...process.env, COLUMNS: '160', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        output,
        seconds: (Date.now() - started) / 1000,
        command: [
          'st',
          ...args.map((arg) => (arg.startsWith('Authorization:') ? "'Authorization: Bearer …'" : arg)),
        ].join(' '),
        ...summarize(output),
      }),
    );
  });
}

/**
 * Records for the fuzzer to work on, made through the API from the OpenAPI document's own examples: case templates,
 * queues and cases, a published workflow (creating cases from one of the templates), its runs, system checks.
 * Without them almost every operation on `/{id}` would only ever see a 404.
 */
export async function seedFuzzTargets({ url, apiKey, count = 3 }) {
  const spec = await (await fetch(`${url}/openapi.json`)).json();
  const example = (name) => structuredClone(spec.components.schemas[`${name}Input`].example);
  const post = async (path, body) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    return answer.data.id;
  };
  const targets = { queues: [], templates: [], cases: [], workflows: [], versions: [], runs: [], checks: [] };
  for (let n = 0; n < count; n++) {
    targets.queues.push(await post('/case-queues', example('CreateCaseQueueRequest')));
    const template = example('CreateCaseTemplateRequest');
    template.data.attributes.key = `FUZZ${n}`;
    targets.templates.push(await post('/case-templates', template));
    const kase = example('CreateCaseRequest');
    kase.data.attributes['case-template-id'] = targets.templates[n];
    kase.data.attributes['case-queue-id'] = targets.queues[n];
    targets.cases.push(await post('/cases', kase));
    const workflow = example('CreateWorkflowRequest');
    workflow.data.attributes.graph.nodes[1].params['case-template-id'] = targets.templates[n];
    const workflowId = await post('/workflows', workflow);
    targets.workflows.push(workflowId);
    targets.versions.push(await post(`/workflows/${workflowId}/publish`));
    targets.runs.push(
      await post(`/workflows/${workflowId}/trigger`, { data: { attributes: { fields: { amount: 1 } } } }),
    );
    targets.checks.push(await post('/system-checks'));
  }
  return targets;
}

// Where each kind of record is named: `/{id}` of these paths, and these body attributes.
const PATH_TARGETS = {
  queues: '/api/v1/case-queues/',
  templates: '/api/v1/case-templates/',
  cases: '/api/v1/cases/',
  workflows: '/api/v1/workflows/',
  versions: '/api/v1/workflow-versions/',
  runs: '/api/v1/workflow-runs/',
  checks: '/api/v1/system-checks/',
};
const BODY_TARGETS = {
  'body.data.attributes.case-template-id': 'templates',
  'body.data.attributes.case-queue-id': 'queues',
  'body.data.attributes.sla-breach-queue-id': 'queues',
  'body.meta.version-id': 'versions',
};
// Often a real record, sometimes whatever the fuzzer makes up (an unknown id must stay a clean 404 or 422).
const PROBABILITY = 0.8;

/**
 * `schemathesisConfig` plus dictionaries of `targets`' ids bound to the path ids and body attributes that name
 * such records, written to `file`.
 */
export function writeConfigWithTargets(targets, file) {
  const list = (values) => `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
  const lines = [readFileSync(schemathesisConfig, 'utf8'), '', '# Records made for this run (seedFuzzTargets).'];
  for (const [kind, ids] of Object.entries(targets)) lines.push(`[dictionaries.${kind}]`, `values = ${list(ids)}`);
  lines.push('[parameters]');
  for (const [key, kind] of Object.entries(BODY_TARGETS)) {
    lines.push(`${JSON.stringify(key)} = { dictionary = "${kind}", probability = ${PROBABILITY} }`);
  }
  for (const [kind, prefix] of Object.entries(PATH_TARGETS)) {
    lines.push(
      '[[operations]]',
      `include-path-regex = '^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\{id\\}'`,
      `parameters = { "path.id" = { dictionary = "${kind}", probability = ${PROBABILITY} } }`,
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
