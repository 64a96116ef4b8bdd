import type { JsonataAst } from './expression-parse.ts';

/** What an expression reads from its input: `trigger`, named `steps.<id>` and `vars.<name>`, or `steps` by a computed key. */
export interface ExpressionReads {
  trigger: boolean;
  /** Node ids read as `steps.<id>` (or ``steps.`<id>` ``), sorted. */
  steps: string[];
  /** True when `steps` is read whole or by a computed key (`steps[$k]`, `$keys(steps)`): ids unknowable. */
  dynamicSteps: boolean;
  /** Run variables read as `vars.<name>`, sorted (`vars` read whole or by a computed key adds none). */
  vars: string[];
}

// jsonata's typings miss some node types (`path`, `apply`, `filter`), so the walk reads nodes loosely.
type Ast = { type: string } & Record<string, unknown>;

const isAst = (value: unknown): value is Ast =>
  value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';

/** Every child AST node, whatever property holds it (conservative: new node shapes are still walked). */
function children(node: Ast): Ast[] {
  const found: Ast[] = [];
  const collect = (value: unknown): void => {
    if (isAst(value)) found.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'value' || isAst(value)) collect(value);
  }
  return found;
}

const isName = (node: Ast | undefined, name?: string): node is Ast =>
  node?.type === 'name' && (name === undefined || node.value === name);
/** `$$` (the input root) parses as a variable named `$`; `$` alone (the context) as a variable named ``. */
const isRootVariable = (node: Ast | undefined, rooted: boolean) =>
  node?.type === 'variable' && (node.value === '$' || (node.value === '' && rooted));

/**
 * Collects the root paths an expression reads. A path step is read against the expression's input only at the
 * start of a top-level path (or after `$$`); names inside later steps and predicates read nested values.
 */
export function expressionReads(ast: JsonataAst): ExpressionReads {
  const reads: ExpressionReads = { trigger: false, steps: [], dynamicSteps: false, vars: [] };
  const steps = new Set<string>();
  const vars = new Set<string>();
  const readRootPath = (pathSteps: Ast[]) => {
    const [first, second] = pathSteps;
    if (isName(first, 'trigger')) reads.trigger = true;
    const root = first?.type === 'name' ? first.value : null;
    if (first === undefined || (root !== 'steps' && root !== 'vars')) return;
    const keyed = Array.isArray(first.stages) && first.stages.length > 0;
    const named = !keyed && isName(second) && typeof second.value === 'string' ? second.value : null;
    if (root === 'vars') {
      if (named !== null) vars.add(named);
    } else if (named !== null) steps.add(named);
    else reads.dynamicSteps = true;
  };
  const walk = (node: Ast, rooted: boolean): void => {
    if (node.type === 'path' && Array.isArray(node.steps)) {
      const pathSteps = node.steps as Ast[];
      const fromRoot = isRootVariable(pathSteps[0], rooted);
      if (rooted || fromRoot) readRootPath(fromRoot ? pathSteps.slice(1) : pathSteps);
      pathSteps.forEach((step, index) => {
        // The first step is evaluated in the enclosing context; later steps in the previous step's results.
        const stepRooted = index === 0 ? rooted : fromRoot && index === 1;
        for (const child of children(step)) walk(child, stepRooted && !isStage(step, child));
      });
      return;
    }
    if (rooted && isName(node)) readRootPath([node]);
    for (const child of children(node)) walk(child, rooted && !isStage(node, child));
  };
  walk(ast as unknown as Ast, true);
  reads.steps = [...steps].sort();
  reads.vars = [...vars].sort();
  return reads;
}

/** Predicates and group-by expressions run against each item, not against the expression's input. */
function isStage(owner: Ast, child: Ast): boolean {
  const stages = [
    ...(Array.isArray(owner.stages) ? owner.stages : []),
    ...(Array.isArray(owner.predicate) ? owner.predicate : []),
  ];
  return stages.some((stage) => stage === child || (isAst(stage) && stage.expr === child)) || owner.group === child;
}
