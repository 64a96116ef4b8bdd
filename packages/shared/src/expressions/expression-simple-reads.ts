/**
 * A fast path for compile: jsonata builds its whole parser for every parse (tens of microseconds even for `a`),
 * yet most expressions in a workflow are paths, comparisons and function calls (`trigger.amount > 1000`,
 * `steps.c.case.name`, `$count(trigger.items) > 0`). This recognizes exactly that shape, tokenizing as jsonata
 * does: operands joined by binary operators, where an operand is a literal (a number, a string without
 * escapes, true/false/null), a path of plain or backquoted names each optionally filtered (`items[0]`,
 * `items[price > 10]`), or a call `$name(expression, …)`. Anything it accepts is valid JSONata, and it reads the same
 * `steps.<id>` jsonata's AST would give (a test checks both); everything else returns null and goes to jsonata.
 */

const whitespace = ' \t\n\r\v';
/** Characters that end a jsonata name. */
const operatorChars = '.[]{}(),@#;:?+-*/%|=<>^&!~';
const binaryOperators = new Set(['+', '-', '*', '/', '%', '=', '!=', '<', '<=', '>', '>=', '&', 'and', 'or']);
const punctuation = new Set(['.', '(', ')', ',', '[', ']']);
const literalNames = new Set(['true', 'false', 'null']);
const reservedNames = new Set(['and', 'or', 'in', 'function', ...literalNames]);
const identifier = /[A-Za-z_][A-Za-z0-9_]*/y;
// jsonata's number syntax (its lexer reads a leading `-` as an operator first).
const number = /(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[Ee][-+]?[0-9]+)?/y;

type Token = { kind: 'name' | 'variable' | 'number' | 'literal' | 'operator' | 'punctuation'; text: string };

const matchAt = (pattern: RegExp, source: string, at: number) => {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0] ?? null;
};

/** A number, name or `$variable` starting at `at`; null when jsonata would read a longer name there. */
function wordAt(source: string, at: number): Token | null {
  const variable = source.charAt(at) === '$';
  const digits = variable ? null : matchAt(number, source, at);
  const name = digits ?? matchAt(identifier, source, variable ? at + 1 : at);
  if (name === null) return null;
  const text = variable ? `$${name}` : name;
  // jsonata reads a name up to whitespace or an operator character: `a$b` or `café` is one longer name.
  const after = source.charAt(at + text.length);
  if (after !== '' && !whitespace.includes(after) && !operatorChars.includes(after)) return null;
  if (variable) return { kind: 'variable', text };
  if (digits !== null) return Number.isFinite(parseFloat(digits)) ? { kind: 'number', text } : null;
  if (literalNames.has(text)) return { kind: 'literal', text };
  return { kind: binaryOperators.has(text) || reservedNames.has(text) ? 'operator' : 'name', text };
}

/** The token starting at `at`, or null when jsonata might read the text there differently. */
function tokenAt(source: string, at: number): Token | null {
  const char = source.charAt(at);
  const pair = source.slice(at, at + 2);
  if (pair === '!=' || pair === '<=' || pair === '>=') return { kind: 'operator', text: pair };
  if (pair === '..' || pair === '/*' || pair === '**') return null;
  if (punctuation.has(char)) return { kind: 'punctuation', text: char };
  if (binaryOperators.has(char)) return { kind: 'operator', text: char };
  if (char === '"' || char === "'") {
    const end = source.indexOf(char, at + 1);
    const text = source.slice(at, end + 1);
    return end < 0 || text.includes('\\') ? null : { kind: 'literal', text };
  }
  if (char === '`') {
    const end = source.indexOf('`', at + 1);
    return end <= at + 1 ? null : { kind: 'name', text: source.slice(at, end + 1) };
  }
  return wordAt(source, at);
}

function tokenize(source: string): Token[] | null {
  const tokens: Token[] = [];
  for (let at = 0; at < source.length;) {
    if (whitespace.includes(source.charAt(at))) {
      at += 1;
      continue;
    }
    const token = tokenAt(source, at);
    if (token === null) return null;
    tokens.push(token);
    at += token.text.length;
  }
  return tokens;
}

/** A backquoted name's text is the name inside the quotes. */
const nameOf = (token: Token) => (token.text.startsWith('`') ? token.text.slice(1, -1) : token.text);

/**
 * Recursive descent over the tokens; each method returns the index after what it read, or -1. `rooted` is
 * whether a path there reads the expression's input: not inside a predicate, which reads each item.
 */
class SimpleParser {
  readonly steps = new Set<string>();
  readonly vars = new Set<string>();
  constructor(private readonly tokens: readonly Token[]) {}

  private is(index: number, text: string) {
    return this.tokens[index]?.kind === 'punctuation' && this.tokens[index]?.text === text;
  }

  /** operand (binary-operator operand)* */
  expression(start: number, rooted: boolean): number {
    let index = this.operand(start, rooted);
    while (index >= 0) {
      const next = this.tokens[index];
      if (next?.kind !== 'operator' || !binaryOperators.has(next.text)) return index;
      index = this.operand(index + 1, rooted);
    }
    return -1;
  }

  private operand(index: number, rooted: boolean): number {
    const token = this.tokens[index];
    if (token?.kind === 'literal' || token?.kind === 'number') return index + 1;
    if (token?.kind === 'variable') return this.is(index + 1, '(') ? this.call(index + 2, rooted) : -1;
    return token?.kind === 'name' ? this.path(index, rooted) : -1;
  }

  /** Arguments after `(`, up to and including `)`. */
  private call(index: number, rooted: boolean): number {
    if (this.is(index, ')')) return index + 1;
    for (let at = this.expression(index, rooted); at >= 0; at = this.expression(at + 1, rooted)) {
      if (this.is(at, ')')) return at + 1;
      if (!this.is(at, ',')) return -1;
    }
    return -1;
  }

  /** name predicate* (. name predicate*)*, where a predicate is `[expression]`; records `steps.<id>` read. */
  private path(start: number, rooted: boolean): number {
    const names: string[] = [];
    let filteredFirst = false;
    let index = start;
    for (;;) {
      const name = this.tokens[index];
      if (name?.kind !== 'name') return -1;
      names.push(nameOf(name));
      index += 1;
      while (this.is(index, '[')) {
        index = this.expression(index + 1, false);
        if (!this.is(index, ']')) return -1;
        filteredFirst ||= names.length === 1;
        index += 1;
      }
      if (!this.is(index, '.')) break;
      index += 1;
    }
    // `steps[0].x` picks a step by position: which one is unknowable, as for jsonata's reads.
    const [first, second] = names;
    if (rooted && first === 'steps' && second !== undefined && !filteredFirst) this.steps.add(second);
    if (rooted && first === 'vars' && second !== undefined && !filteredFirst) this.vars.add(second);
    return index;
  }
}

/** The `steps.<id>` and `vars.<name>` a simple expression reads (sorted, unique), or null when jsonata must parse it. */
export function simpleExpressionRootReads(source: string): { steps: string[]; vars: string[] } | null {
  if (source.length > 500) return null;
  const tokens = tokenize(source);
  if (tokens === null || tokens.length === 0) return null;
  const parser = new SimpleParser(tokens);
  if (parser.expression(0, true) !== tokens.length) return null;
  return { steps: [...parser.steps].sort(), vars: [...parser.vars].sort() };
}

/** The `steps.<id>` a simple expression reads (sorted, unique), or null when jsonata must parse it. */
export const simpleExpressionReads = (source: string): string[] | null =>
  simpleExpressionRootReads(source)?.steps ?? null;
