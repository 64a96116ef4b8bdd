import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave } from '../src/workflow/autosave-controller.ts';
import {
  autosaveLabels,
  autosaveReducer,
  initialAutosaveState,
  type AutosaveEvent,
  type AutosaveState,
} from '../src/workflow/autosave-machine.ts';

const run = (events: AutosaveEvent[], from: AutosaveState = initialAutosaveState(1)) =>
  events.reduce(autosaveReducer, from);
const label = (state: AutosaveState) => autosaveLabels[state.status];

describe('autosave machine', () => {
  it('goes Saved → Unsaved changes → Saving… → Saved, taking the new revision', () => {
    const edited = run([{ type: 'edited' }]);
    expect(label(edited)).toBe('Unsaved changes');
    const saving = run([{ type: 'save-started' }], edited);
    expect(label(saving)).toBe('Saving…');
    const saved = run([{ type: 'save-succeeded', revision: 2 }], saving);
    expect(label(saved)).toBe('Saved');
    expect(saved.revision).toBe(2);
  });

  it('saves again when the graph changed while a save was in flight', () => {
    const state = run([
      { type: 'edited' },
      { type: 'save-started' },
      { type: 'edited' },
      { type: 'save-succeeded', revision: 2 },
    ]);
    expect(state).toMatchObject({ status: 'unsaved', revision: 2, editedDuringSave: true });
    expect(run([{ type: 'save-started' }], state)).toMatchObject({ status: 'saving', editedDuringSave: false });
  });

  it('shows a failed save, and retries on the next edit or save', () => {
    const failed = run([{ type: 'edited' }, { type: 'save-started' }, { type: 'save-failed', error: 'HTTP 503' }]);
    expect(failed).toMatchObject({ status: 'failed', error: 'HTTP 503', revision: 1 });
    expect(label(failed)).toBe('Save failed');
    expect(run([{ type: 'save-started' }], failed).status).toBe('saving');
    expect(run([{ type: 'edited' }], failed)).toMatchObject({ status: 'unsaved', error: null });
  });

  it('stops at a conflict: nothing is saved over a draft changed elsewhere', () => {
    const conflict = run([{ type: 'edited' }, { type: 'save-started' }, { type: 'save-conflicted', error: '409' }]);
    expect(label(conflict)).toBe('Changed elsewhere — reload');
    expect(run([{ type: 'edited' }, { type: 'save-started' }], conflict)).toBe(conflict);
  });

  it('ignores events that make no sense in the current state', () => {
    const saved = initialAutosaveState(4);
    expect(run([{ type: 'save-started' }, { type: 'save-succeeded', revision: 9 }], saved)).toBe(saved);
    expect(run([{ type: 'save-failed', error: 'x' }], saved)).toBe(saved);
  });
});

describe('autosave controller', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A save that resolves (to revision + 1) or fails when the test says so. */
  function pendingSaves() {
    const calls: { base: number; resolve: () => void; reject: (error: unknown) => void }[] = [];
    const save = (base: number) =>
      new Promise<number>((resolve, reject) => {
        calls.push({ base, resolve: () => resolve(base + 1), reject });
      });
    return { calls, save };
  }
  const deps = (save: (base: number) => Promise<number>) => ({
    save,
    isConflict: (error: unknown) => error === 'conflict',
    describe: String,
    delayMs: 800,
  });

  it('saves once, 800 ms after the last of a burst of edits, on top of the last revision', async () => {
    const { calls, save } = pendingSaves();
    const autosave = createAutosave(5, deps(save));
    autosave.edited();
    await vi.advanceTimersByTimeAsync(500);
    autosave.edited();
    await vi.advanceTimersByTimeAsync(799);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((call) => call.base)).toEqual([5]);
    expect(autosave.getState().status).toBe('saving');
    calls[0]?.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.getState()).toMatchObject({ status: 'saved', revision: 6 });
  });

  it('runs one save at a time and sends the edits made meanwhile afterwards', async () => {
    const { calls, save } = pendingSaves();
    const autosave = createAutosave(1, deps(save));
    autosave.edited();
    await vi.advanceTimersByTimeAsync(800);
    autosave.edited();
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(1);
    calls[0]?.resolve();
    await vi.advanceTimersByTimeAsync(800);
    expect(calls.map((call) => call.base)).toEqual([1, 2]);
  });

  it('flush saves at once and answers whether the API holds the graph', async () => {
    const { calls, save } = pendingSaves();
    const autosave = createAutosave(1, deps(save));
    autosave.edited();
    const flushed = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    calls[0]?.resolve();
    expect(await flushed).toBe(true);

    autosave.edited();
    const failing = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    calls[1]?.reject('HTTP 503');
    expect(await failing).toBe(false);
    expect(autosave.getState()).toMatchObject({ status: 'failed', error: 'HTTP 503' });
  });

  it('turns a 409 into a conflict and saves nothing more', async () => {
    const { calls, save } = pendingSaves();
    const autosave = createAutosave(1, deps(save));
    autosave.edited();
    await vi.advanceTimersByTimeAsync(800);
    calls[0]?.reject('conflict');
    await vi.advanceTimersByTimeAsync(0);
    autosave.edited();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    expect(autosave.getState().status).toBe('conflict');
    expect(await autosave.flush()).toBe(false);
  });

  it('sends a pending save when disposed instead of losing it', async () => {
    const { calls, save } = pendingSaves();
    const autosave = createAutosave(1, deps(save));
    autosave.edited();
    autosave.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
  });
});
