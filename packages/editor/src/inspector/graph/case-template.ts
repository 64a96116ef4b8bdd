import type { CatalogSnapshot, TemplateSnapshot } from '@casework/shared';
import { asRecord } from '../form/immutable.ts';
import type { InspectorGraph, InspectorNode } from './inspector-graph.ts';

/** The node a `case: { node }` reference in `node`'s params names, if it has one. */
export function caseRefOf(node: InspectorNode): string | null {
  const ref = asRecord(node.params.case).node;
  return typeof ref === 'string' && ref !== '' ? ref : null;
}

/**
 * The id of the template of the case `id`'s output carries, when known at design time: a `case.create`'s
 * template, found by following `case` references back (the same walk as the compiler's `templateResolver`,
 * over drafted params). Null for an event trigger's case, a broken or circular chain, or no template chosen.
 */
export function caseTemplateId(id: string, graph: InspectorGraph): string | null {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const seen = new Set<string>();
  for (let at: string | null = id; at !== null && !seen.has(at);) {
    seen.add(at);
    const node = byId.get(at);
    if (!node) return null;
    if (node.kind === 'case.create') {
      const template = node.params['case-template-id'];
      return typeof template === 'string' && template !== '' ? template : null;
    }
    at = caseRefOf(node);
  }
  return null;
}

/** The catalog's template of the case `id` acts on or creates, when known. */
export function caseTemplate(id: string, graph: InspectorGraph, catalog: CatalogSnapshot): TemplateSnapshot | null {
  const templateId = caseTemplateId(id, graph);
  return templateId === null ? null : (catalog.templates.find((template) => template.id === templateId) ?? null);
}
