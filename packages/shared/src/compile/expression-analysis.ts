import { boundedCache } from '../expressions/bounded-cache.ts';
import { expressionHazards, mayHaveHazards } from '../expressions/expression-hazards.ts';
import { parseExpression } from '../expressions/expression-parse.ts';
import { expressionReads } from '../expressions/expression-reads.ts';
import { simpleExpressionRootReads } from '../expressions/expression-simple-reads.ts';

/**
 * What compile needs of an expression's source: whether it parses, which `steps.<id>` and `vars.<name>` it reads,
 * and the limits it is bound to break at run time (expression-hazards.ts).
 */
export type ExpressionAnalysis =
  | {
      readonly ok: true;
      readonly steps: readonly string[];
      readonly vars: readonly string[];
      readonly hazards: readonly string[];
    }
  | { readonly ok: false; readonly message: string; readonly position: number | null };

/** Longer sources are rare; keeping them between compiles would let the cache grow large. */
const maxSharedLength = 1_000;

/**
 * Analyses kept between compiles, by source. jsonata builds its whole parser for every parse (tens of
 * microseconds even for `a`), and the editor recompiles mostly unchanged expressions on every edit. An
 * analysis is a frozen, pure function of its source, so sharing it cannot change what compile returns.
 */
const shared = boundedCache<string, ExpressionAnalysis>(4_096);

const none: readonly string[] = Object.freeze([]);

function analyze(source: string): ExpressionAnalysis {
  const simple = mayHaveHazards(source) ? null : simpleExpressionRootReads(source);
  if (simple !== null) {
    const vars = simple.vars.length === 0 ? none : Object.freeze(simple.vars);
    return Object.freeze({ ok: true, steps: Object.freeze(simple.steps), vars, hazards: none });
  }
  const parsed = parseExpression(source);
  if (!parsed.ok) return Object.freeze({ ok: false, message: parsed.message, position: parsed.position });
  const reads = expressionReads(parsed.ast);
  return Object.freeze({
    ok: true,
    steps: Object.freeze(reads.steps),
    vars: Object.freeze(reads.vars),
    hazards: Object.freeze(expressionHazards(parsed.ast)),
  });
}

/** Analyses each distinct source once per compile, reusing analyses of earlier compiles. */
export function memoizedAnalysis(): (source: string) => ExpressionAnalysis {
  const local = new Map<string, ExpressionAnalysis>();
  return (source) => {
    let found = local.get(source) ?? shared.get(source);
    if (found === undefined) {
      found = analyze(source);
      if (source.length <= maxSharedLength) shared.set(source, found);
    }
    local.set(source, found);
    return found;
  };
}
