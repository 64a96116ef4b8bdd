import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSession } from './browser-session.ts';
import { caseworkUrl } from './browser.ts';
import { apiRequest, uniqueSuffix } from './casework-api.ts';
import { stepOf, waitForRunStatus, waitForSteps } from './review-run.ts';
import {
  serviceGet,
  setUpScreening,
  startApplicantsService,
  type Applicant,
  type ApplicantsService,
  type ScreeningReport,
  type ScreeningSetup,
} from './screening-example.ts';

const screenshotDir = new URL('../../../../docs/screenshots/', import.meta.url);

interface RunDocument {
  data: {
    id: string;
    attributes: {
      status: string;
      'trigger-kind': string;
      trigger: { scheduledAt: string; scheduleId: string };
      'case-ids': string[];
      'temporal-ui-url': string;
      steps: { 'node-id': string; status: string; error: string | null }[];
    };
  };
}

/** Polls the run through the API until it is no longer in progress (or two minutes passed); resolves its last state. */
async function runEnd(runId: string): Promise<RunDocument['data']> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { data } = await apiRequest<RunDocument>('GET', `/workflow-runs/${runId}`);
    if (!['in_progress', 'waiting'].includes(data.attributes.status) || Date.now() > deadline) return data;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

interface CaseDocument {
  data: {
    id: string;
    attributes: { status: string; tags: string[]; fields: Record<string, { value: unknown }> };
    relationships: { inquiries: { data: { id: string }[] } };
  };
}

/** Every node of examples/scheduled-screening/workflow.json: each step completes in a run that screens both classes. */
const everyStep = [
  'on-schedule',
  'fetch-applicants',
  'split',
  'screen-standard',
  'create-standard',
  'count-standard',
  'standard-done',
  'screen-high',
  'create-high',
  'run-escalation',
  'count-high',
  'high-done',
  'both-done',
  'send-report',
  'done',
];

async function fitView(page: Page): Promise<void> {
  await page.getByRole('toolbar', { name: 'Canvas' }).getByRole('button', { name: 'Fit view' }).click();
  await page.waitForTimeout(500); // the fit is animated
}

describe(
  'the scheduled screening example: run now, follow the run, check its cases and report',
  { timeout: 300_000 },
  () => {
    const session = browserSession({ viewport: { width: 2000, height: 1000 } });
    const suffix = uniqueSuffix();
    let service: ApplicantsService | undefined;
    let setup: ScreeningSetup | undefined;

    afterAll(async () => {
      await service?.stop();
      // Archiving deletes the Temporal Schedule: no 8 o'clock firing of a test's workflow.
      for (const id of [setup?.workflowId, setup?.escalationId]) {
        if (id) await apiRequest('POST', `/workflows/${id}/archive`);
      }
    });

    it('screens every applicant in two parallel loops, escalates the high-risk ones, posts a signed report', async () => {
      const { page, problems } = session;
      service = await startApplicantsService();
      setup = await setUpScreening(suffix, service);
      const { workflowId } = setup;
      const { applicants } = await serviceGet<{ applicants: Applicant[] }>(service, '/applicants');
      const high = applicants.filter((applicant) => applicant.risk >= 70);
      const standard = applicants.filter((applicant) => applicant.risk < 70);
      expect(high.length).toBeGreaterThan(1);
      expect(standard.length).toBeGreaterThan(1);

      // Run now, outside the schedule; the same Idempotency-Key again answers the same run.
      const key = { 'Idempotency-Key': `scheduled-example-${suffix}` };
      const { data: run } = await apiRequest<RunDocument>(
        'POST',
        `/workflows/${workflowId}/schedule/run`,
        undefined,
        key,
      );
      const { data: again } = await apiRequest<RunDocument>(
        'POST',
        `/workflows/${workflowId}/schedule/run`,
        undefined,
        key,
      );
      expect(again.id).toBe(run.id);
      expect(run.attributes['trigger-kind']).toBe('schedule');
      expect(run.attributes.trigger.scheduleId).toBe(`workflow-schedule:${workflowId}`);

      // The run's overlay in the editor, followed until every step shows completed, the loops with their items.
      await page.goto(new URL(`/#/workflows/${workflowId}/runs/${run.id}`, caseworkUrl()).href);
      const finished = await runEnd(run.id);
      expect(finished.attributes.status, JSON.stringify(finished.attributes.steps, null, 1)).toBe('completed');
      await waitForRunStatus(page, 'completed', 120_000);
      await waitForSteps(page, Object.fromEntries(everyStep.map((id) => [id, 'completed'])));
      const loopStrip = (id: string) => stepOf(page, id, 'completed').getByTestId('node-step');
      expect(await loopStrip('screen-standard').textContent()).toContain(
        `${standard.length}/${standard.length} items done`,
      );
      expect(await loopStrip('screen-high').textContent()).toContain(`${high.length}/${high.length} items done`);
      expect(await loopStrip('screen-high').textContent()).not.toContain('failed');
      await stepOf(page, 'run-escalation', 'completed').getByTestId('child-run-link').waitFor();

      // A case per applicant: standard ones open and untagged, high-risk ones tagged and escalated by the sub-workflow.
      expect(finished.attributes['case-ids']).toHaveLength(applicants.length);
      const cases = await Promise.all(
        finished.attributes['case-ids'].map(async (id) => (await apiRequest<CaseDocument>('GET', `/cases/${id}`)).data),
      );
      const byApplicant = new Map(cases.map((kase) => [kase.attributes.fields['applicant-id']?.value, kase]));
      expect([...byApplicant.keys()].sort()).toEqual(applicants.map((applicant) => applicant.id).sort());
      for (const applicant of applicants) {
        const kase = byApplicant.get(applicant.id);
        const isHigh = applicant.risk >= 70;
        expect(kase?.attributes.fields['risk-class']?.value, applicant.id).toBe(isHigh ? 'high' : 'standard');
        expect(kase?.attributes.fields.risk?.value, applicant.id).toBe(applicant.risk);
        expect(kase?.attributes.tags, applicant.id).toEqual(isHigh ? ['high-risk'] : []);
        expect(kase?.attributes.status, applicant.id).toBe(isHigh ? 'escalated' : 'open');
        expect(kase?.relationships.inquiries.data.map((inquiry) => inquiry.id)).toEqual([applicant.inquiryId]);
      }

      // The service accepted the report only with a valid Casework-Signature; it counts what the run did.
      const received = await serviceGet<{ reports: ScreeningReport[]; rejected: number }>(
        service,
        '/screening-reports',
      );
      expect(received.rejected).toBe(0);
      const reports = received.reports.filter(
        (report) => report.body.scheduledAt === run.attributes.trigger.scheduledAt,
      );
      expect(reports).toHaveLength(1);
      const caseIdOf = (applicant: Applicant) => byApplicant.get(applicant.id)?.id;
      expect(reports[0]?.body).toEqual({
        scheduledAt: run.attributes.trigger.scheduledAt,
        applicants: applicants.length,
        created: applicants.length,
        highRisk: high.length,
        // Each loop's `result`, in the order of its items.
        standardCaseIds: standard.map(caseIdOf),
        highRiskCaseIds: high.map(caseIdOf),
      });
      // And refuses one signed with another secret.
      const forged = await fetch(new URL('/screening-reports', service.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'casework-signature': `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`,
        },
        body: JSON.stringify(reports[0]?.body),
      });
      expect(forged.status).toBe(401);

      // Screenshots for the README: the run on the canvas, then the same run in Temporal UI.
      // The graph is eleven columns wide: a wide page keeps its labels readable.
      mkdirSync(screenshotDir, { recursive: true });
      await page.setViewportSize({ width: 2600, height: 1000 });
      await fitView(page);
      await page.screenshot({ path: new URL('scheduled-run.png', screenshotDir).pathname });
      expect(problems).toEqual([]);

      const temporal = await session.context.newPage();
      await temporal.goto(finished.attributes['temporal-ui-url']);
      await temporal.getByText(run.id).first().waitFor({ timeout: 60_000 });
      await temporal.getByText('Completed').first().waitFor({ timeout: 60_000 });
      await temporal.waitForTimeout(2_000); // the event history fills in after the summary
      await temporal.screenshot({ path: new URL('scheduled-temporal.png', screenshotDir).pathname });
    });
  },
);
