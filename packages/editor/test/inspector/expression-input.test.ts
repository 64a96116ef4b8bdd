import { describe, expect, it } from 'vitest';
import {
  expressionProblems,
  problemText,
  visibleProblems,
} from '../../src/inspector/expressions/expression-problems.ts';
import { parseValueText, valueText } from '../../src/inspector/form/value-text.ts';

describe('expression errors as you type', () => {
  it('finds nothing wrong with literals and valid expressions', () => {
    expect(expressionProblems('')).toEqual([]);
    expect(expressionProblems('plain text, {not an expression}')).toEqual([]);
    expect(expressionProblems('{{ trigger.amount >= 10000 }}')).toEqual([]);
    expect(expressionProblems('Review of {{ steps.`create-case`.case.name }} started')).toEqual([]);
  });

  it('reports a {{ that is never closed, where it opens', () => {
    const problems = expressionProblems('Hello {{ trigger.name');
    expect(problems).toEqual([{ kind: 'unterminated', message: '"{{" is never closed by "}}"', position: 6 }]);
    // While the caret is after the `{{`, the expression is being typed: not yet worth an error.
    expect(visibleProblems(problems, 21)).toEqual([]);
    expect(visibleProblems(problems, 3)).toEqual(problems);
    expect(visibleProblems(problems, null)).toEqual(problems);
  });

  it("reports JSONata syntax errors with jsonata's message, positioned in the whole string", () => {
    const text = 'Total: {{ trigger.amount + }}';
    const [problem, ...rest] = expressionProblems(text);
    expect(rest).toEqual([]);
    expect(problem?.message).toMatch(/\S/);
    // The position points into the second `{{ … }}`'s source, shifted by where that source starts.
    expect(problem?.position).toBeGreaterThan(text.indexOf('{{'));
    expect(problem?.position).toBeLessThanOrEqual(text.length);
    expect(problemText({ kind: 'syntax', message: 'Expected "]"', position: 14 })).toBe(
      'Expected "]" (at character 14)',
    );
  });

  it('reports an empty expression and checks every expression of the string', () => {
    expect(expressionProblems('{{ }}')).toEqual([{ kind: 'syntax', message: 'empty expression', position: 2 }]);
    const problems = expressionProblems('{{ a.( }} and {{ b ]] }} then {{ c');
    expect(problems).toHaveLength(3);
    expect(problems.at(-1)).toEqual({ kind: 'unterminated', message: '"{{" is never closed by "}}"', position: 30 });
  });
});

describe('literal values typed as text', () => {
  it('keeps expressions as strings, whatever the field type', () => {
    expect(parseValueText('{{ trigger.amount }}', { type: 'number' }, 5)).toBe('{{ trigger.amount }}');
  });

  it("gives literals the template field's type when they read as one", () => {
    expect(parseValueText('42', { type: 'number' }, undefined)).toBe(42);
    expect(parseValueText('-1.5e3', { type: 'integer' }, undefined)).toBe(-1500);
    expect(parseValueText('4 2', { type: 'number' }, undefined)).toBe('4 2');
    expect(parseValueText('true', { type: 'boolean' }, undefined)).toBe(true);
    expect(parseValueText('yes', { type: 'boolean' }, undefined)).toBe('yes');
    expect(parseValueText('["a", "b"]', { type: 'string-array' }, undefined)).toEqual(['a', 'b']);
    expect(parseValueText('[broken', { type: 'string-array' }, undefined)).toBe('[broken');
    expect(parseValueText('42', { type: 'string' }, undefined)).toBe('42');
    expect(parseValueText('high', { type: 'choice', choices: ['low', 'high'] }, undefined)).toBe('high');
  });

  it('without a type, keeps text as text unless it replaces a non-string value', () => {
    expect(parseValueText('123', undefined, 'old')).toBe('123');
    expect(parseValueText('123', undefined, undefined)).toBe('123');
    expect(parseValueText('false', undefined, true)).toBe(false);
    expect(parseValueText('7', undefined, 6)).toBe(7);
    expect(parseValueText('seven', undefined, 6)).toBe('seven');
  });

  it('shows values as text', () => {
    expect(valueText('a')).toBe('a');
    expect(valueText(42)).toBe('42');
    expect(valueText(true)).toBe('true');
    expect(valueText(['a'])).toBe('["a"]');
    expect(valueText(undefined)).toBe('');
    expect(valueText(null)).toBe('');
  });
});
