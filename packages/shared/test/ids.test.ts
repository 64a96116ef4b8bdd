import { describe, expect, it } from 'vitest';
import { isId } from '../src/ids.ts';

describe('isId', () => {
  it.each([
    ['case', 'case_abcdefghijklmnopqrstuvwx', true],
    ['case', 'case_abc', false],
    ['case', 'ctmpl_abcdefghijklmnopqrstuvwx', false],
    ['workflowRun', 'wfr_ABCDEFGHIJKLMNOPQRSTUV-_', true],
    ['workflowRun', 'wfr_ABCDEFGHIJKLMNOPQRSTUV-_x', false],
    ['systemCheck', 'chk_abcdefghijklmnopqrst$uvw', false],
  ] as const)('%s %s → %s', (kind, value, expected) => {
    expect(isId(kind, value)).toBe(expected);
  });
});
