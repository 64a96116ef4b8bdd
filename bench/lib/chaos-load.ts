// The load of bench/chaos.ts: clients that trigger the review workflow and create and comment cases, and a reviewer
// that approves the workflow's cases, every request retried with its Idempotency-Key until the api accepts it.
import type { CaseworkClient } from './casework-client.ts';
import type { ReviewWorkflow } from './review-workflow-setup.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the api accepted (answered 2xx), by the key the client sent. */
export interface Accepted {
  /** trigger key → run id */
  runs: Map<string, string>;
  /** create key → the case id answered, and the comment id answered for it */
  cases: Map<string, { caseId: string; commentId: string }>;
  /** case ids of the workflow's cases approved */
  approvals: Set<string>;
  /** Answers other than 2xx (5xx, 409, no connection) that a retry rode out. */
  retries: number;
}

export const newAccepted = (): Accepted => ({ runs: new Map(), cases: new Map(), approvals: new Set(), retries: 0 });

/** Sends until the api accepts (2xx), with the same Idempotency-Key every time: what a careful integration does. */
async function untilAccepted<T>(
  api: CaseworkClient,
  accepted: Accepted,
  request: { method: string; path: string; body: unknown; key: string },
): Promise<{ data: T; meta?: Record<string, unknown> }> {
  const { method, path, body, key } = request;
  const deadline = Date.now() + 300_000;
  for (;;) {
    const response = await api.send(method, path, body, { 'idempotency-key': key }).catch(() => null);
    if (response && response.status >= 200 && response.status < 300) {
      return response.body as { data: T; meta?: Record<string, unknown> };
    }
    // Refused for good (bad input): a bug in the bench, not a fault to ride out.
    if (response && response.status >= 400 && response.status < 500 && ![408, 409].includes(response.status)) {
      throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
    }
    if (Date.now() > deadline) throw new Error(`${method} ${path} (key ${key}) was not accepted within 5 minutes`);
    accepted.retries++;
    await sleep(250);
  }
}

export interface LoadOptions {
  api: CaseworkClient;
  workflow: ReviewWorkflow;
  accepted: Accepted;
  /** Distinguishes this invocation's keys from any earlier one's. */
  keyPrefix: string;
  clients: number;
  /** Triggers a second, all clients together; every second trigger also creates and comments a case. */
  rate: number;
  /** Clients start no new round once this says stop; rounds under way finish (until accepted). */
  loading: () => boolean;
}

/** `clients` clients, paced to `rate` triggers a second in all (a client that fell behind does not burst). */
export async function runClients({ api, workflow, accepted, keyPrefix, clients, rate, loading }: LoadOptions) {
  const intervalMs = (1000 * clients) / rate;
  const client = async (c: number) => {
    let next = Date.now() + (c * intervalMs) / clients;
    for (let n = 0; loading(); n++) {
      await sleep(Math.max(0, next - Date.now()));
      next = Math.max(next + intervalMs, Date.now());
      const key = `chaos-${keyPrefix}-${c}-${n}`;
      const fields = { 'inquiry-id': `inq_${key}`, 'report-id': `rep_${key}`, amount: 25_000, country: 'DE' };
      const run = await untilAccepted<{ id: string }>(api, accepted, {
        method: 'POST',
        path: `/workflows/${workflow.workflowId}/trigger`,
        body: { data: { attributes: { fields } } },
        key: `${key}-run`,
      });
      accepted.runs.set(key, run.data.id);
      if (n % 2 !== 0) continue;
      const created = await untilAccepted<{ id: string }>(api, accepted, {
        method: 'POST',
        path: '/cases',
        body: {
          data: { attributes: { 'case-template-id': workflow.templateId, fields: { amount: 1 } } },
          meta: { 'object-ids': [`doc_${key}`] },
        },
        key: `${key}-case`,
      });
      const comment = await untilAccepted<unknown>(api, accepted, {
        method: 'POST',
        path: `/cases/${created.data.id}/comments`,
        body: { data: { attributes: { body: `checked by ${key}` } } },
        key: `${key}-comment`,
      });
      accepted.cases.set(key, { caseId: created.data.id, commentId: String(comment.meta?.['comment-id']) });
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
}

interface ListedCase {
  id: string;
  attributes: { fields: Record<string, { value: unknown } | undefined> };
}

/**
 * A reviewer working the workflow's queue until `reviewing()` says stop: every open case whose run has marked the
 * review started is approved (through the cases list filtered by queue and status, `concurrency` approvals at a
 * time), which lets its run end. API errors (a service down) are ridden out.
 */
export async function runReviewer(
  { api, workflow, accepted }: Pick<LoadOptions, 'api' | 'workflow' | 'accepted'>,
  { concurrency, reviewing }: { concurrency: number; reviewing: () => boolean },
) {
  /** The ids of the open cases ready for a decision; none while the api cannot answer. */
  const ready = async (): Promise<string[]> => {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const query: string =
        `filter[case-queue-id]=${workflow.queueId}&filter[status]=open&page[size]=100` +
        (after ? `&page[after]=${after}` : '');
      const page = await api.send('GET', `/cases?${query}`).catch(() => null);
      if (page?.status !== 200) {
        accepted.retries++;
        return [];
      }
      const data = (page.body as { data: ListedCase[] }).data;
      for (const kase of data) {
        if (kase.attributes.fields['review-started']?.value === true && !accepted.approvals.has(kase.id)) {
          ids.push(kase.id);
        }
      }
      after = data.length === 100 ? (data.at(-1)?.id ?? null) : null;
    } while (after);
    return ids;
  };
  const approve = async (caseId: string) => {
    await untilAccepted(api, accepted, {
      method: 'POST',
      path: `/cases/${caseId}/set-status`,
      body: { meta: { status: 'approved' } },
      key: `approve-${caseId}`,
    });
    accepted.approvals.add(caseId);
  };
  while (reviewing()) {
    const queue = await ready();
    if (queue.length === 0) {
      await sleep(1_000);
      continue;
    }
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let caseId = queue.shift(); caseId; caseId = queue.shift()) await approve(caseId);
      }),
    );
  }
}
