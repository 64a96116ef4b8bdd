import { isNodeKind, nodeDefinition, type CatalogSnapshot } from '@casework/shared';
import { asList, asRecord } from '../form/immutable.ts';
import { caseTemplate } from '../graph/case-template.ts';
import type { InspectorGraph, InspectorNode } from '../graph/inspector-graph.ts';
import { triggerFor, upstreamNodes } from '../graph/upstream.ts';
import { jsonataPath } from './jsonata-path.ts';
import { outputPaths } from './output-paths.ts';

/** A path an expression of the node may read, as it would be typed. */
export interface PathSuggestion {
  /** JSONata source to insert: ``steps.`create-case`.case.status``. */
  path: string;
  /** The same path with plain dots and no backticks, to match what the user typed. */
  plain: string;
  /** What the value is: `number`, `string or null`, `choice`. */
  type: string;
  /** Which node provides it: its label, or `trigger`. */
  source: string;
}

interface Leaf {
  segments: readonly string[];
  type: string;
}

/** Keys of an API trigger's payload schema with their types (`optional` unless required). */
function payloadLeaves(trigger: InspectorNode): Leaf[] {
  return asList(trigger.params.fields).flatMap((item) => {
    const field = asRecord(item);
    if (typeof field.key !== 'string' || field.key === '') return [];
    const type = typeof field.type === 'string' ? field.type : 'value';
    return [{ segments: [field.key], type: field.required === true ? type : `${type}, optional` }];
  });
}

/** Every path inside `node`'s output, open records filled from the graph and catalog where known. */
function outputLeaves(node: InspectorNode, graph: InspectorGraph, catalog: CatalogSnapshot): Leaf[] {
  return outputPaths(node.kind).flatMap((path): Leaf[] => {
    if (!path.open) return [path];
    const own = path.segments.length > 0 ? [path] : [];
    if (path.segments.length === 0 && node.kind === 'trigger.api') return payloadLeaves(node);
    if (path.segments.join('.') === 'case.fields') {
      const template = caseTemplate(node.id, graph, catalog);
      const fields = (template?.fieldSchemas ?? []).map((field) => ({
        segments: [...path.segments, field.key],
        type: field.type,
      }));
      return [...own, ...fields];
    }
    return own;
  });
}

function suggestions(root: readonly string[], leaves: readonly Leaf[], type: string, source: string) {
  return [{ segments: root, type }, ...leaves.map((leaf) => ({ ...leaf, segments: [...root, ...leaf.segments] }))].map(
    (leaf): PathSuggestion => ({
      path: jsonataPath(leaf.segments),
      plain: leaf.segments.join('.'),
      type: leaf.type,
      source,
    }),
  );
}

/**
 * What `id`'s expressions may read: `trigger.*` (the API trigger's payload keys, or an event trigger's event
 * and case), then `steps.<node>.*` for every node that may run before `id`, nearest first, each with its output
 * shape (`case.status`, `case.fields.<template field>`, `route`, `event.name`, `waited-until`, …), then the run
 * variables (`vars.<name>`).
 */
export function pathSuggestions(
  id: string,
  graph: InspectorGraph,
  catalog: CatalogSnapshot,
  variables: readonly { name: string; type: string }[] = [],
): PathSuggestion[] {
  const found: PathSuggestion[] = [];
  const trigger = triggerFor(id, graph);
  if (trigger) {
    const type =
      trigger.kind === 'trigger.api'
        ? 'payload'
        : trigger.kind === 'trigger.schedule'
          ? 'schedule firing'
          : 'event and case';
    found.push(...suggestions(['trigger'], outputLeaves(trigger, graph, catalog), type, 'trigger'));
  }
  for (const node of upstreamNodes(id, graph)) {
    if (!isNodeKind(node.kind) || !nodeDefinition(node.kind).outputSchema) continue;
    const source = node.label === '' ? node.id : node.label;
    found.push(...suggestions(['steps', node.id], outputLeaves(node, graph, catalog), 'step output', source));
  }
  for (const variable of variables) {
    const segments = ['vars', variable.name];
    found.push({ path: jsonataPath(segments), plain: segments.join('.'), type: variable.type, source: 'run variable' });
  }
  return found;
}
