import { describe, expect, it } from 'vitest';
import { compile } from '../src/index.ts';
import { catalog, reviewWorkflow } from './graph/fixtures.ts';

describe("compile: Persona's canonical review workflow", () => {
  const result = compile(reviewWorkflow(), catalog);

  it('compiles without issues', () => {
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('keys steps by node id in flow order (each after every step leading to it), with successors by handle', () => {
    if (!result.ok) throw new Error('expected a plan');
    const { plan } = result;
    expect(plan.version).toBe(1);
    expect(plan.trigger).toBe('trigger');
    expect(Object.keys(plan.steps)).toEqual([
      'trigger',
      'check-amount',
      'create-case',
      'attach',
      'start-review',
      'wait-resolved',
      'check-status',
      'record-decision',
      'done',
    ]);
    expect(plan.steps['check-amount']?.next).toEqual({ 'high-value': 'create-case', else: 'done' });
    expect(plan.steps['wait-resolved']?.next).toEqual({ matched: 'check-status', 'timed-out': 'done' });
    expect(plan.steps.done?.next).toEqual({});
  });

  it('keeps expressions as source text and resolves defaults', () => {
    if (!result.ok) throw new Error('expected a plan');
    const create = result.plan.steps['create-case'];
    expect(create).toMatchObject({
      kind: 'case.create',
      version: 1,
      label: 'Create KYC case',
      params: {
        'case-template-id': 'ctmpl_kyc',
        fields: { amount: '{{ trigger.amount }}', risk: 'high' },
        sla: { amount: 2, unit: 'hours' },
        'continue-on-error': false,
        retry: { 'max-attempts': 3, 'initial-interval': { amount: 1, unit: 'seconds' } },
      },
    });
    expect(result.plan.steps['wait-resolved']?.params).toMatchObject({ 'error-on-timeout': false });
    expect(result.plan.steps.attach?.label).toBe('attach');
  });

  it('is JSON-serializable as is', () => {
    if (!result.ok) throw new Error('expected a plan');
    expect(JSON.parse(JSON.stringify(result.plan))).toEqual(result.plan);
  });

  it('rejects the same workflow when the template lacks a field it writes', () => {
    const withoutDecision = {
      ...catalog,
      templates: catalog.templates.map((t) => ({
        ...t,
        fieldSchemas: t.fieldSchemas.filter((f) => f.key !== 'decision'),
      })),
    };
    const broken = compile(reviewWorkflow(), withoutDecision);
    expect(broken.ok).toBe(false);
    expect(broken.issues).toEqual([
      expect.objectContaining({
        code: 'unknown-field',
        'node-id': 'record-decision',
        path: '/params/operations/0/field',
      }),
    ]);
  });
});
