import { compile } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { nodeHandles } from '../src/graph/node-handles.ts';
import { infoOf } from '../src/graph/kind-info.ts';
import { secretOptions } from '../src/inspector/catalog/catalog-options.ts';
import { widgetFor } from '../src/inspector/form/field-widgets.ts';
import type { FieldDescriptor } from '../src/inspector/schema/field-descriptor.ts';
import { paramsForm } from '../src/inspector/schema/params-form.ts';
import { nodeSummary } from '../src/nodes/node-summary.ts';
import { filterKinds } from '../src/palette/filter-kinds.ts';
import { createEditorStore } from '../src/store/create-editor-store.ts';
import { reviewWorkflow } from './fixtures/review-workflow.ts';

const property = (descriptor: FieldDescriptor | undefined, key: string) =>
  descriptor?.kind === 'object' ? descriptor.properties.find((candidate) => candidate.key === key) : undefined;

// A kind the editor knows from its shared definition (packages/shared/src/nodes/http.request.node.ts), plus one
// custom widget: the secret picker.
describe('the HTTP request node', () => {
  it('is in the palette among the actions, found by its words', () => {
    expect(filterKinds('').find((group) => group.role === 'action')?.kinds).toContain('http.request');
    expect(filterKinds('http').flatMap((group) => group.kinds)).toEqual(['http.request']);
    expect(infoOf('http.request')).toMatchObject({ title: 'HTTP request', idBase: 'http-request' });
  });

  it('has a form: method, URL, query, headers, a body by type, timeout, retry-on, cap, signature, action options', () => {
    const form = paramsForm('http.request');
    if (form?.kind !== 'object') throw new Error('object form expected');
    expect(form.properties.map((candidate) => candidate.key)).toEqual([
      'method',
      'url',
      'query',
      'headers',
      'secret-headers',
      'body',
      'timeout',
      'retry-on',
      'max-response-bytes',
      'signature',
      'continue-on-error',
      'retry',
    ]);
    expect(property(form, 'method')?.field).toMatchObject({ kind: 'enum', default: 'GET' });
    expect(property(form, 'body')?.field).toMatchObject({ kind: 'union', discriminator: 'type' });
    expect(property(form, 'signature')?.required).toBe(false);
    const secret = property(property(form, 'signature')?.field, 'secret');
    expect(secret && widgetFor('http.request', ['signature', 'secret'], secret.field)).toBe('secret');
    const secretHeaders = property(form, 'secret-headers');
    expect(
      secretHeaders?.field.kind === 'record' &&
        widgetFor('http.request', ['secret-headers', 'Authorization'], secretHeaders.field.value),
    ).toBe('secret');
    const timeout = property(form, 'timeout');
    expect(timeout && widgetFor('http.request', ['timeout'], timeout.field)).toBe('duration');
  });

  it('offers the catalog’s secrets by name, or a text input when the role may not list them', () => {
    const catalog = { templates: [], queues: [], secrets: [{ name: 'zeta' }, { name: 'alpha' }] };
    expect(secretOptions(catalog, '')).toEqual([
      { value: 'alpha', label: 'alpha' },
      { value: 'zeta', label: 'zeta' },
    ]);
    expect(secretOptions(catalog, 'gone')).toContainEqual({ value: 'gone', label: 'gone (no such secret)' });
    expect(secretOptions({ templates: [], queues: [] }, '')).toBeNull();
  });

  it('added after a step, it shows its method and URL and one next output; the compiler asks for a URL', () => {
    const store = createEditorStore({ graph: reviewWorkflow() });
    const id = store.getState().addNode('http.request', { x: 0, y: 0 }, { after: 'create-case' });
    const graph = store.getState().graph();
    const added = graph.nodes.find((candidate) => candidate.id === id);
    expect(id).toBe('http-request');
    expect(nodeSummary('http.request', added?.params ?? {})).toEqual(['GET URL: not set']);
    expect(nodeSummary('http.request', { method: 'POST', url: 'https://x.test', signature: { secret: 'k' } })).toEqual([
      'POST https://x.test',
      'signed with k',
    ]);
    expect(nodeHandles({ kind: 'http.request', params: added?.params ?? {} })).toEqual(['next']);
    const issues = compile(graph, { templates: [], queues: [], secrets: [] }).issues.filter(
      (found) => found['node-id'] === id,
    );
    expect(issues).toContainEqual(expect.objectContaining({ code: 'invalid-params', path: '/params/url' }));
  });
});
