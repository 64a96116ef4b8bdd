import { describe, expect, it } from 'vitest';
import { coalescedRead } from '../../src/platform/coalesced-read.ts';

/** A read whose answers the test releases one by one; it counts the reads started. */
function controlledRead() {
  const releases: ((value: number) => void)[] = [];
  let started = 0;
  const read = () => {
    started++;
    return new Promise<number>((resolve) => releases.push(resolve));
  };
  return { read, started: () => started, release: (value: number) => releases.shift()?.(value) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('coalesced read', () => {
  it('runs one read at a time: callers during a read share the next one, which starts after it', async () => {
    const control = controlledRead();
    const get = coalescedRead(control.read);
    const first = get();
    const [second, third] = [get(), get()];
    expect(control.started()).toBe(1);
    control.release(1);
    expect(await first).toBe(1);
    await tick();
    // The waiting callers asked during the first read: they get a read started after it, not its answer.
    expect(control.started()).toBe(2);
    control.release(2);
    expect(await Promise.all([second, third])).toEqual([2, 2]);
  });

  it('leaves at least the gap between two reads, and reads at once when idle longer than that', async () => {
    const control = controlledRead();
    const get = coalescedRead(control.read, { minGapMs: 50 });
    const first = get();
    control.release(1);
    await first;
    const at = performance.now();
    const second = get();
    await tick();
    expect(control.started()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(control.started()).toBe(2);
    control.release(2);
    expect(await second).toBe(2);
    expect(performance.now() - at).toBeGreaterThanOrEqual(45);
    await new Promise((resolve) => setTimeout(resolve, 60));
    const third = get();
    expect(control.started()).toBe(3);
    control.release(3);
    expect(await third).toBe(3);
  });

  it('lets a failed read fail its callers only; the next caller reads again', async () => {
    let calls = 0;
    const get = coalescedRead(async () => {
      calls++;
      if (calls === 1) throw new Error('store down');
      return calls;
    });
    await expect(get()).rejects.toThrow('store down');
    expect(await get()).toBe(2);
  });
});
