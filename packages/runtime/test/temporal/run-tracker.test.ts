import type { Plan } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { createRunTracker } from '../../src/temporal/workflows/run-tracker.ts';

const plan = {
  version: 1,
  trigger: 'trigger',
  steps: {
    trigger: { kind: 'trigger.api', version: 1, label: '', params: { fields: [] }, next: { next: 'create' } },
    create: { kind: 'end', version: 1, label: '', params: {}, next: {} },
    other: { kind: 'end', version: 1, label: '', params: {}, next: {} },
  },
} as unknown as Plan;

describe('the run tracker', () => {
  const input = { runId: 'wfr_1', workflowId: 'wfl_1', versionId: 'wfv_1', plan, trigger: { amount: 1 } };
  let clock = 0;
  const now = () => new Date(Date.UTC(2026, 10, 25, 12, 0, clock++)).toISOString();

  it('records each step, numbers records, and skips steps never reached', () => {
    const run = createRunTracker(input, now);
    run.complete('trigger', input.trigger);
    run.start('create');
    expect(run.record('wfr_1', 'temporal-1')).toMatchObject({ seq: 1, status: 'in_progress' });
    run.complete('create', { case: { id: 'case_1' } }, 2);
    run.finish('completed');
    const record = run.record('wfr_1', 'temporal-1');
    expect(record.seq).toBe(2);
    expect(record.status).toBe('completed');
    expect(record.steps.map((step) => [step['node-id'], step.status, step.attempts])).toEqual([
      ['trigger', 'completed', 1],
      ['create', 'completed', 2],
      ['other', 'skipped', 0],
    ]);
    expect(run.outputs).toEqual({ trigger: { amount: 1 }, create: { case: { id: 'case_1' } } });
  });

  it('stays waiting while any branch waits, and ends steps a canceled branch left running', () => {
    const run = createRunTracker(input, now);
    run.start('create', true);
    run.start('other');
    expect(run.view('wfr_1', 't').status).toBe('waiting');
    run.complete('other', null);
    expect(run.view('wfr_1', 't').status).toBe('waiting');
    run.abandon('create', 'canceled: branch "a" failed');
    run.abandon('other', 'not this one: it completed');
    const { status, steps } = run.view('wfr_1', 't');
    expect(status).toBe('in_progress');
    expect(steps.map((step) => [step['node-id'], step.status, step.error])).toEqual([
      ['trigger', 'pending', null],
      ['create', 'errored', 'canceled: branch "a" failed'],
      ['other', 'completed', null],
    ]);
  });

  it('does not change the record when viewed (queries must not change a workflow)', () => {
    const run = createRunTracker(input, now);
    run.view('wfr_1', 't');
    run.view('wfr_1', 't');
    expect(run.record('wfr_1', 't').seq).toBe(1);
  });

  it('trims large outputs for the run view but keeps them whole for expressions', () => {
    const run = createRunTracker(input, now);
    const big = { text: 'x'.repeat(10_000) };
    run.complete('create', big);
    expect(run.outputs.create).toBe(big);
    const shown = run.view('wfr_1', 't').steps.find((step) => step['node-id'] === 'create')?.output;
    expect(shown).toMatchObject({ truncated: true });
  });

  it('marks the step in flight as errored when the run is canceled', () => {
    const run = createRunTracker(input, now);
    run.start('create', true);
    expect(run.status).toBe('waiting');
    run.finish('canceled', 'canceled');
    const steps = run.view('wfr_1', 't').steps;
    expect(steps.find((step) => step['node-id'] === 'create')).toMatchObject({ status: 'errored', error: 'canceled' });
  });

  it('resumes after continue-as-new with the steps, outputs and cases it had', () => {
    const run = createRunTracker(input, now);
    run.complete('trigger', input.trigger);
    run.touchCase('case_1');
    run.record('wfr_1', 't');
    const resumed = createRunTracker({ ...input, resume: run.resumeAt('create') }, now);
    expect(resumed.caseIds).toEqual(['case_1']);
    expect(resumed.outputs).toEqual({ trigger: { amount: 1 } });
    expect(resumed.record('wfr_1', 't2').seq).toBe(2);
    expect(resumed.touchCase('case_1')).toBe(false);
  });

  it('starts with the declared defaults and carries the variables across continue-as-new', () => {
    const variables = [
      { name: 'count', type: 'number' as const, default: 0 },
      { name: 'note', type: 'string' as const },
    ];
    const withVariables = { ...input, plan: { ...plan, variables } };
    const run = createRunTracker(withVariables, now);
    expect(run.vars).toEqual({ count: 0 });
    run.setVars({ count: 2, note: 'seen' });
    const resume = run.resumeAt('create');
    expect(resume.vars).toEqual({ count: 2, note: 'seen' });
    expect(createRunTracker({ ...withVariables, resume }, now).vars).toEqual({ count: 2, note: 'seen' });
    // A plan without variables resumes exactly as before them.
    expect(createRunTracker(input, now).resumeAt('create')).not.toHaveProperty('vars');
  });
});
