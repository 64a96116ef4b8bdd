import type { FieldSchema } from '../cases/field-schema.ts';
import type { CatalogSnapshot, TemplateSnapshot } from '../compile/catalog-snapshot.ts';
import type { CompileIssueCode } from '../compile/compile-issue.ts';
import type { VariableDeclaration } from '../variables/run-variables.ts';

/**
 * What a kind's `checkCatalog` gets (built by packages/shared/src/compile/check-catalog.ts): the snapshot, the
 * template of the case the node acts on when known at design time, and checks that report at a params path.
 */
export interface CatalogCheck {
  catalog: CatalogSnapshot;
  template: TemplateSnapshot | null;
  report: (code: CompileIssueCode, message: string, path: string) => void;
  /** Reports an unknown or archived queue (an expression is not checked). */
  queue: (queueId: string | undefined, path: string) => void;
  /** The template's field `key`, reporting `unknown-field` when the template is known and lacks it. */
  field: (key: string, path: string) => FieldSchema | null;
  /** Reports a literal value that does not fit the field (an expression is checked at run time). */
  value: (field: FieldSchema, value: unknown, path: string) => void;
  /** The workflow's run variable `name`, reporting `unknown-variable` when it is not declared. */
  variable: (name: string, path: string) => VariableDeclaration | null;
  /** True when a value is fixed at design time (holds no `{{ … }}`), so its type can be checked now. */
  isLiteral: (value: unknown) => boolean;
}
