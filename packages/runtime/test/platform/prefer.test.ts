import { describe, expect, it } from 'vitest';
import { MAX_PREFER_WAIT_SECONDS, preferredWaitSeconds } from '../../src/platform/http/prefer.ts';

describe('Prefer: wait', () => {
  it('reads wait=N among other preferences, in any case, quoted or not', () => {
    expect(preferredWaitSeconds('wait=5')).toBe(5);
    expect(preferredWaitSeconds('respond-async, Wait=7')).toBe(7);
    expect(preferredWaitSeconds(['return=minimal', 'wait="3"'])).toBe(3);
    expect(preferredWaitSeconds('wait=0')).toBe(0);
  });

  it('holds a longer wait to the maximum', () => {
    expect(preferredWaitSeconds('wait=3600')).toBe(MAX_PREFER_WAIT_SECONDS);
  });

  it('ignores what does not ask for a whole number of seconds', () => {
    expect(preferredWaitSeconds(undefined)).toBeNull();
    expect(preferredWaitSeconds('respond-async')).toBeNull();
    expect(preferredWaitSeconds('wait=soon')).toBeNull();
    expect(preferredWaitSeconds('wait=-1')).toBeNull();
    expect(preferredWaitSeconds('wait=1.5')).toBeNull();
    expect(preferredWaitSeconds('waiting=5')).toBeNull();
  });
});
