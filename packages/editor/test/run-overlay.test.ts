import { describe, expect, it } from 'vitest';
import { createRunOverlayStore } from '../src/run/run-overlay-store.ts';
import { stepOverlay, stepOverlays } from '../src/run/step-overlay.ts';
import { runResource, step } from './fixtures/api-resources.ts';

const started = '2026-11-25T19:44:22.000Z';
const ended = '2026-11-25T19:44:23.250Z';

describe('step overlay', () => {
  it('shows a finished step with its icon, duration and attempts, and its output on hover', () => {
    const overlay = stepOverlay(
      step('create-case', 'completed', {
        'started-at': started,
        'completed-at': ended,
        attempts: 2,
        output: { case: { id: 'case_1', name: 'KYC-1', status: 'open' } },
      }),
    );
    expect(overlay).toMatchObject({
      nodeId: 'create-case',
      status: 'completed',
      icon: '✓',
      statusLabel: 'Completed',
      timing: '1.3 s',
      attempts: 2,
    });
    expect(overlay.detail).toMatch(/^Completed · 2 attempts\nStarted .+\nEnded .+\nOutput:\n\{\n {2}"case": \{/);
    expect(overlay.detail).toContain('"name": "KYC-1"');
  });

  it('shows the error of an errored step, and when a waiting step started', () => {
    const errored = stepOverlay(step('attach', 'errored', { error: 'unknown object id prefix', attempts: 3 }));
    expect(errored).toMatchObject({ icon: '✕', timing: null });
    expect(errored.detail).toContain('Error: unknown object id prefix');
    const waiting = stepOverlay(step('wait-resolved', 'waiting', { 'started-at': started }));
    expect(waiting.icon).toBe('⏸');
    expect(waiting.timing).toMatch(/^since /);
  });

  it('gives pending and skipped steps their own look and no timing', () => {
    expect(stepOverlay(step('done', 'pending'))).toMatchObject({ icon: '○', timing: null, statusLabel: 'Pending' });
    expect(stepOverlay(step('escalate', 'skipped'))).toMatchObject({ icon: '⤼', statusLabel: 'Skipped' });
  });

  it('cuts a long output short in the tooltip', () => {
    const overlay = stepOverlay(step('big', 'completed', { output: { text: 'x'.repeat(5000) } }));
    expect(overlay.detail.length).toBeLessThan(1000);
    expect(overlay.detail.endsWith('…')).toBe(true);
  });

  it('keeps the overlay objects of steps that did not change between polls', () => {
    const first = stepOverlays(runResource([step('a', 'completed'), step('b', 'running')]));
    const second = stepOverlays(runResource([step('a', 'completed'), step('b', 'completed')]), first);
    expect(second.get('a')).toBe(first.get('a'));
    expect(second.get('b')).not.toBe(first.get('b'));
    expect(second.get('b')?.status).toBe('completed');
  });
});

describe('run overlay store', () => {
  it('follows a run until it ends, then stops', () => {
    const store = createRunOverlayStore();
    store.getState().show(runResource([step('a', 'running')], { status: 'in_progress' }));
    expect(store.getState()).toMatchObject({ following: true, error: null });
    expect(store.getState().steps.get('a')?.status).toBe('running');
    store.getState().setError('HTTP 503');
    store.getState().show(runResource([step('a', 'completed')], { status: 'completed' }));
    expect(store.getState()).toMatchObject({ following: false, error: null });
  });

  it('reuses unchanged steps only for the same run, and clears everything', () => {
    const store = createRunOverlayStore();
    store.getState().show(runResource([step('a', 'completed')], {}, 'wfr_one'));
    const before = store.getState().steps.get('a');
    store.getState().show(runResource([step('a', 'completed')], {}, 'wfr_one'));
    expect(store.getState().steps.get('a')).toBe(before);
    store.getState().show(runResource([step('a', 'completed')], {}, 'wfr_two'));
    expect(store.getState().steps.get('a')).not.toBe(before);
    store.getState().clear();
    expect(store.getState()).toMatchObject({ run: null, following: false });
    expect(store.getState().steps.size).toBe(0);
  });
});
