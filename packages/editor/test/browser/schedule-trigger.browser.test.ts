import { describe, expect, it } from 'vitest';
import { browserSession } from './browser-session.ts';
import { apiRequest, uniqueSuffix } from './casework-api.ts';
import { editorDriver, labelled } from './editor-driver.ts';
import { waitForRunStatus } from './review-run.ts';
import { createWorkflow, openWorkflow } from './workflow-setup.ts';

const graph = {
  nodes: [
    {
      id: 'on-schedule',
      kind: 'trigger.schedule',
      version: 1,
      position: { x: 0, y: 0 },
      params: { schedule: { type: 'cron', expression: '0 9 * * MON-FRI', 'time-zone': 'Europe/Berlin' } },
    },
    { id: 'done', kind: 'end', version: 1, position: { x: 300, y: 0 }, params: {} },
  ],
  edges: [{ id: 'e1', source: 'on-schedule', target: 'done' }],
};

describe('a scheduled workflow in the editor', { timeout: 90_000 }, () => {
  const session = browserSession({ viewport: { width: 1600, height: 900 } });

  it('shows the schedule on the canvas and the next run in the bar; the inspector suggests and checks time zones', async () => {
    const { page } = session;
    const id = await createWorkflow(`Weekday mornings (${uniqueSuffix()})`, graph);
    await apiRequest('POST', `/workflows/${id}/publish`, { meta: { notes: null } });
    try {
      await openWorkflow(page, id);
      const nextRun = page.getByTestId('next-run');
      await nextRun.waitFor();
      const at = new Date((await nextRun.getAttribute('title')) ?? '');
      const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', hour: '2-digit' });
      expect(berlin.format(at)).toMatch(/^(Mon|Tue|Wed|Thu|Fri),? 09$/);
      expect(await page.locator('.react-flow__node[data-id="on-schedule"]').textContent()).toContain(
        'cron 0 9 * * MON-FRI',
      );

      // Run now: one run of the live version at once, followed on the canvas like any run.
      await page.getByRole('toolbar', { name: 'Workflow' }).getByRole('button', { name: 'Run now' }).click();
      const runId = await waitForRunStatus(page, 'completed', 60_000);
      const { data: run } = await apiRequest<{ data: { attributes: { 'trigger-kind': string; trigger: object } } }>(
        'GET',
        `/workflow-runs/${runId}`,
      );
      expect(run.attributes['trigger-kind']).toBe('schedule');
      expect(run.attributes.trigger).toMatchObject({ scheduleId: `workflow-schedule:${id}` });

      const editor = editorDriver(page);
      await editor.select('on-schedule');
      const zone = page.getByTestId('inspector').getByLabel(labelled('Time zone'));
      expect(await zone.inputValue()).toBe('Europe/Berlin');
      const suggestions = await zone.evaluate((input) => (input as HTMLInputElement).list?.options.length ?? 0);
      expect(suggestions).toBeGreaterThan(300);
      await editor.enter(zone, 'Europe/Atlantis');
      await page.getByTestId('inspector').getByText('must be an IANA time zone').first().waitFor();
    } finally {
      await apiRequest('POST', `/workflows/${id}/archive`);
    }
  });
});
