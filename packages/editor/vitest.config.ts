import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'editor',
    pool: 'forks',
    // The store, mappers and graph rules are pure: unit tests run in Node, without a DOM.
    environment: 'node',
    include: ['test/**/*.test.ts'],
  },
});
