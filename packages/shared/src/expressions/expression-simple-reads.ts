/**
 * A fast path for compile: jsonata builds its whole parser for every parse (tens of microseconds even for `a`),
 * yet most expressions in a workflow are paths and comparisons (`trigger.amount > 1000`, `steps.c.case.name`).
 * This recognizes exactly that shape — operands (a path of plain or backquoted names, a number, a string
 * without escapes, true/false/null) joined by binary operators — tokenizing as jsonata does, so anything it
 * accepts is valid JSONata; everything else returns null and goes to jsonata.
 */

const whitespace = ' \t\n\r\v';
/** Characters that end a jsonata name. */
const operatorChars = '.[]{}(),@#;:?+-*/%|=<>^&!~';
const binaryOperators = new Set(['+', '-', '*', '/', '%', '=', '!=', '<', '<=', '>', '>=', '&', 'and', 'or']);
const literalNames = new Set(['true', 'false', 'null']);
const reservedNames = new Set(['and', 'or', 'in', 'function', ...literalNames]);
const identifier = /[A-Za-z_][A-Za-z0-9_]*/y;
// jsonata's number syntax (its lexer reads a leading `-` as an operator first).
const number = /(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[Ee][-+]?[0-9]+)?/y;

type Token = { kind: 'name' | 'literal' | 'operator' | 'dot'; text: string };

function tokenize(source: string): Token[] | null {
  const tokens: Token[] = [];
  let at = 0;
  const match = (pattern: RegExp) => {
    pattern.lastIndex = at;
    return pattern.exec(source)?.[0] ?? null;
  };
  while (at < source.length) {
    const char = source.charAt(at);
    const pair = source.slice(at, at + 2);
    if (whitespace.includes(char)) {
      at += 1;
    } else if (pair === '!=' || pair === '<=' || pair === '>=') {
      tokens.push({ kind: 'operator', text: pair });
      at += 2;
    } else if (char === '.') {
      if (pair === '..') return null;
      tokens.push({ kind: 'dot', text: char });
      at += 1;
    } else if (binaryOperators.has(char)) {
      if (pair === '/*' || pair === '**') return null;
      tokens.push({ kind: 'operator', text: char });
      at += 1;
    } else if (char === '"' || char === "'") {
      const end = source.indexOf(char, at + 1);
      if (end < 0 || source.slice(at, end).includes('\\')) return null;
      tokens.push({ kind: 'literal', text: source.slice(at, end + 1) });
      at = end + 1;
    } else if (char === '`') {
      const end = source.indexOf('`', at + 1);
      if (end <= at + 1) return null;
      tokens.push({ kind: 'name', text: source.slice(at + 1, end) });
      at = end + 1;
    } else {
      const digits = match(number);
      const name = digits === null ? match(identifier) : null;
      const text = digits ?? name;
      const after = text === null ? '' : source.charAt(at + text.length);
      // jsonata reads a name up to whitespace or an operator character: `a$b` or `café` is one longer name.
      if (text === null || (after !== '' && !whitespace.includes(after) && !operatorChars.includes(after))) return null;
      if (digits !== null && !Number.isFinite(parseFloat(digits))) return null;
      const isWord = name !== null && (binaryOperators.has(name) || reservedNames.has(name));
      tokens.push({ kind: digits !== null || literalNames.has(text) ? 'literal' : isWord ? 'operator' : 'name', text });
      at += text.length;
    }
  }
  return tokens;
}

/** The `steps.<id>` a simple expression reads (sorted, unique), or null when jsonata must parse it. */
export function simpleExpressionReads(source: string): string[] | null {
  if (source.length > 500) return null;
  const tokens = tokenize(source);
  if (tokens === null || tokens.length === 0) return null;
  const steps = new Set<string>();
  let index = 0;
  const take = () => tokens[index++];
  for (;;) {
    const operand = take();
    if (operand?.kind === 'name') {
      const path = [operand.text];
      while (tokens[index]?.kind === 'dot') {
        index += 1;
        const step = take();
        if (step?.kind !== 'name') return null;
        path.push(step.text);
      }
      if (path[0] === 'steps' && path[1] !== undefined) steps.add(path[1]);
    } else if (operand?.kind !== 'literal') return null;
    const operator = take();
    if (operator === undefined) break;
    if (operator.kind !== 'operator' || !binaryOperators.has(operator.text)) return null;
  }
  return [...steps].sort();
}
