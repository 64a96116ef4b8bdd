import type { CatalogSnapshot, TemplateSnapshot } from '@casework/shared';
import { createContext, useContext } from 'react';
import type { PlacedIssues } from './form/issue-placement.ts';
import type { PathSuggestion } from './expressions/path-suggestions.ts';
import type { InspectorGraph } from './graph/inspector-graph.ts';

/** What every control of one node's form may need besides its own value. */
export interface InspectorScope {
  nodeId: string;
  kind: string;
  /** The node's params as drafted (the root value of the form). */
  params: Record<string, unknown>;
  graph: InspectorGraph;
  catalog: CatalogSnapshot;
  /** The template of the case this node creates or acts on, when known. */
  template: TemplateSnapshot | null;
  /** The paths this node's expressions may read. */
  suggestions: readonly PathSuggestion[];
  issues: PlacedIssues;
}

export const InspectorScopeContext = createContext<InspectorScope | null>(null);

export function useInspectorScope(): InspectorScope {
  const scope = useContext(InspectorScopeContext);
  if (!scope) throw new Error('inspector controls must be rendered inside a node inspector');
  return scope;
}
