/** Compile issue codes (docs/architecture.md, "Workflows"). Persisted and shown to users: never rename one. */
export const compileIssueCodes = [
  'invalid-graph',
  'duplicate-id',
  'no-trigger',
  'multiple-triggers',
  'unknown-kind',
  'invalid-params',
  'dangling-edge',
  'bad-handle',
  'unconnected-handle',
  'unreachable-node',
  'cycle',
  'missing-else',
  'bad-case-ref',
  'expression-syntax',
  'unknown-reference',
  'unknown-template',
  'unknown-status',
  'unknown-field',
  'unknown-queue',
  'unknown-secret',
  'field-type-mismatch',
  'limit-exceeded',
  'unjoined-branch',
  'crossing-branches',
  'stray-join',
  'unknown-workflow',
  'self-call',
  'invalid-variable',
  'unknown-variable',
  'variable-type-mismatch',
  'loop-scope',
] as const;
export type CompileIssueCode = (typeof compileIssueCodes)[number];

export interface CompileIssue {
  code: CompileIssueCode;
  severity: 'error' | 'warning';
  'node-id'?: string;
  'edge-id'?: string;
  /** A JSON pointer into the node (e.g. `/params/fields/amount`) or the graph. */
  path?: string;
  message: string;
}

type Where = Pick<CompileIssue, 'node-id' | 'edge-id' | 'path'>;

export const issue = (code: CompileIssueCode, message: string, where: Where = {}): CompileIssue => ({
  code,
  severity: 'error',
  ...where,
  message,
});

export const warning = (code: CompileIssueCode, message: string, where: Where = {}): CompileIssue => ({
  ...issue(code, message, where),
  severity: 'warning',
});

/** Appends a segment to a JSON pointer, escaping `~` and `/`. */
export const pointer = (base: string, segment: string | number) =>
  `${base}/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`;
