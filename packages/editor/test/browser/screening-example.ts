import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { apiRequest } from './casework-api.ts';

/** examples/scheduled-screening: the workflow, its sub-workflow, the case template and the applicants service. */
const exampleDir = new URL('../../../../examples/scheduled-screening/', import.meta.url);
const readExample = (name: string) => readFileSync(new URL(name, exampleDir), 'utf8');

/** The secret `workflow.json` signs its report with (its `signature.secret`). */
export const SCREENING_SECRET_NAME = 'screening-hook';

export interface ApplicantsService {
  url: string;
  secret: string;
  stop(): Promise<void>;
}

/**
 * Starts the example's `applicants-service.mjs` as a child process, on a free port (APPLICANTS_PORT=0) and with a
 * fresh shared secret, as run.sh starts it on 4010; resolves once it prints the address it listens on.
 */
export async function startApplicantsService(): Promise<ApplicantsService> {
  const secret = `whsec_${randomBytes(16).toString('hex')}`;
  const child: ChildProcess = spawn(process.execPath, [fileURLToPath(new URL('applicants-service.mjs', exampleDir))], {
    env: { ...process.env, APPLICANTS_PORT: '0', SCREENING_SECRET: secret },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (!child.stdout) throw new Error('applicants-service.mjs has no stdout');
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`applicants-service.mjs exited (${code}) before listening`)));
    lines.on('line', (line) => {
      const address = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (address) resolve(address);
    });
  });
  return {
    url,
    secret,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** The example's workflows and the records they need, made through the API as run.sh makes them. */
export interface ScreeningSetup {
  templateId: string;
  queueId: string;
  escalationId: string;
  workflowId: string;
}

/** Stores the shared secret under the name the workflow signs with: created, or its value replaced. */
async function storeSecret(value: string): Promise<void> {
  const { data } = await apiRequest<{ data: { id: string }[] }>('GET', '/secrets');
  if (data.some((secret) => secret.id === SCREENING_SECRET_NAME)) {
    await apiRequest('PATCH', `/secrets/${SCREENING_SECRET_NAME}`, { data: { attributes: { value } } });
  } else {
    await apiRequest('POST', '/secrets', { data: { attributes: { name: SCREENING_SECRET_NAME, value } } });
  }
}

/** A workflow from one of the example's JSON files, placeholders filled in, created and published. */
async function publishExample(file: string, suffix: string, values: Record<string, string>): Promise<string> {
  let text = readExample(file);
  for (const [placeholder, value] of Object.entries(values)) text = text.replaceAll(placeholder, value);
  const workflow = JSON.parse(text) as { name: string };
  const { data } = await apiRequest('POST', '/workflows', {
    data: { attributes: { ...workflow, name: `${workflow.name} (${suffix})` } },
  });
  await apiRequest('POST', `/workflows/${data.id}/publish`, { meta: { notes: `From examples/scheduled-screening` } });
  return data.id;
}

/** Secret, template, queue, then the escalation sub-workflow and the scheduled workflow calling it, both published. */
export async function setUpScreening(suffix: string, service: ApplicantsService): Promise<ScreeningSetup> {
  await storeSecret(service.secret);
  const template = JSON.parse(readExample('case-template.json')) as { name: string; key: string };
  const { data: created } = await apiRequest('POST', '/case-templates', {
    data: { attributes: { ...template, key: `${template.key}${suffix}`, name: `${template.name} (${suffix})` } },
  });
  const { data: queue } = await apiRequest('POST', '/case-queues', {
    data: { attributes: { name: `Screening (${suffix})` } },
  });
  const escalationId = await publishExample('escalation.json', suffix, {});
  const workflowId = await publishExample('workflow.json', suffix, {
    $TEMPLATE_ID: created.id,
    $QUEUE_ID: queue.id,
    $ESCALATION_WORKFLOW_ID: escalationId,
    $APPLICANTS_URL: service.url,
  });
  return { templateId: created.id, queueId: queue.id, escalationId, workflowId };
}

export interface Applicant {
  id: string;
  inquiryId: string;
  name: string;
  country: string;
  risk: number;
}

export interface ScreeningReport {
  'received-at': string;
  body: {
    scheduledAt: string;
    applicants: number;
    created: number;
    highRisk: number;
    standardCaseIds: string[];
    highRiskCaseIds: string[];
  };
}

/** GETs a JSON document from the applicants service. */
export async function serviceGet<T>(service: ApplicantsService, path: string): Promise<T> {
  const response = await fetch(new URL(path, service.url));
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}
