import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envKeys } from '../../src/config/env.ts';

const readme = readFileSync(path.resolve(import.meta.dirname, '../../../../README.md'), 'utf8');

// A newcomer configures the system from the README: it must name every variable the runtime reads.
describe('README', () => {
  it.each(envKeys)('documents %s', (key) => {
    expect(readme).toContain(`| \`${key}\``);
  });

  it('shows the two commands and the three URLs', () => {
    for (const text of ['npm start', 'npm test', 'http://localhost:3000/', '/docs', 'http://localhost:8233']) {
      expect(readme).toContain(text);
    }
  });
});
