import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'editor',
    pool: 'forks',
    include: ['test/**/*.test.ts'],
  },
});
