import { nodeKinds } from '@casework/shared';
import { describe, expect, it } from 'vitest';
import { layoutPositions, toElkGraph } from '../src/graph/auto-layout.ts';
import { graphToFlow } from '../src/graph/graph-mappers.ts';
import { nodeHandles } from '../src/graph/node-handles.ts';
import { handleLabel, nodeSummary } from '../src/nodes/node-summary.ts';
import { filterKinds } from '../src/palette/filter-kinds.ts';
import { reviewCatalog, reviewWorkflow } from './fixtures/review-workflow.ts';

const review = graphToFlow(reviewWorkflow());
const data = (id: string) => {
  const node = review.nodes.find((candidate) => candidate.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node.data;
};

describe('node display', () => {
  it('gives each output a handle: routes then else, matched and timed-out', () => {
    expect(nodeHandles(data('check-amount'))).toEqual(['high-value', 'else']);
    expect(nodeHandles(data('wait-resolved'))).toEqual(['matched', 'timed-out']);
    expect(
      nodeHandles({ kind: 'wait.case', params: { ...data('wait-resolved').params, 'error-on-timeout': true } }),
    ).toEqual(['matched']);
    expect(nodeHandles(data('create-case'))).toEqual(['next']);
    expect(nodeHandles(data('done'))).toEqual([]);
    expect(handleLabel('logic.condition', data('check-amount').params, 'high-value')).toBe('≥ 10,000');
    expect(handleLabel('wait.case', data('wait-resolved').params, 'timed-out')).toBe('timed out');
  });

  it('summarizes the key parameters in at most two lines', () => {
    expect(nodeSummary('case.create', data('create-case').params, reviewCatalog())).toEqual([
      'template KYC',
      'SLA 2 hours',
    ]);
    expect(nodeSummary('case.create', data('create-case').params)).toEqual(['template $TEMPLATE_ID', 'SLA 2 hours']);
    expect(nodeSummary('wait.case', data('wait-resolved').params)).toEqual(['case.resolved', 'timeout 1 day']);
    expect(nodeSummary('case.update-fields', data('start-review').params)).toEqual([
      'set review-started, push notes',
      'case of attach',
    ]);
    expect(nodeSummary('trigger.api', data('trigger').params)).toEqual(['payload: inquiry-id, report-id, amount +1']);
    for (const node of review.nodes) {
      expect(nodeSummary(node.data.kind, node.data.params).length).toBeLessThanOrEqual(2);
    }
  });

  it('lays out with one port per output in handle order, so routes keep their order', () => {
    const elk = toElkGraph(review.nodes, review.edges);
    const condition = elk.children?.find((child) => child.id === 'check-status');
    expect(condition?.ports?.map((port) => port.layoutOptions?.['elk.port.index'])).toEqual(['0', '1']);
    expect(elk.edges?.find((edge) => edge.id === 'e-declined')?.sources).toEqual(['check-status\u0000else']);
    expect(elk.edges?.find((edge) => edge.id === 'e-trigger')?.sources).toEqual(['trigger\u0000next']);
  });

  it("lays out each node's successors top to bottom in the order of its outputs, whatever the canvas order", async () => {
    const positions = await layoutPositions([...review.nodes].reverse(), [...review.edges].reverse());
    const y = (id: string) => positions.get(id)?.y ?? Number.NaN;
    expect(y('check-status')).toBeLessThan(y('escalate')); // matched above timed-out
    expect(y('record-approval')).toBeLessThan(y('record-decline')); // the route above else
  });

  it('puts every kind in the palette, grouped by role, and finds kinds by words', () => {
    const groups = filterKinds('');
    expect(groups.map((group) => group.role)).toEqual(['trigger', 'action', 'logic', 'wait', 'end']);
    expect(groups.flatMap((group) => group.kinds).sort()).toEqual([...nodeKinds].sort());
    expect(filterKinds('wait case').flatMap((group) => group.kinds)).toEqual(['wait.case']);
    expect(filterKinds('SLA').flatMap((group) => group.kinds)).toEqual(['case.set-sla', 'case.clear-sla']);
    expect(filterKinds('zebra')).toEqual([]);
  });
});
