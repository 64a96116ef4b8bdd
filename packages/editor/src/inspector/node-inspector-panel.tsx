import { useMemo } from 'react';
import { useNodeIssues } from '../nodes/use-node-issues.ts';
import { useEditorStore } from '../store/use-editor-store.ts';
import { useEditorStoreApi } from '../store/use-editor-store-api.ts';
import { IssueList } from './field-issues.tsx';
import { FieldView } from './field-view.tsx';
import { caseTemplate } from './graph/case-template.ts';
import { pathSuggestions } from './expressions/path-suggestions.ts';
import { formPointers } from './form/form-pointers.ts';
import { asRecord } from './form/immutable.ts';
import { placeIssues } from './form/issue-placement.ts';
import { InspectorHeader } from './inspector-header.tsx';
import { InspectorScopeContext, type InspectorScope } from './inspector-scope.ts';
import { paramsForm } from './schema/params-form.ts';
import { useInspectorGraph } from './use-inspector-graph.ts';

/** The inspector of one node: header, the issues that belong to no field, and the params form. */
export function NodeInspectorPanel({ id }: { id: string }) {
  const store = useEditorStoreApi();
  const data = useEditorStore((state) => state.nodes.find((node) => node.id === id)?.data);
  const catalog = useEditorStore((state) => state.catalog);
  const variables = useEditorStore((state) => state.variables);
  const issues = useNodeIssues(id);
  const readOnly = useEditorStore((state) => state.readOnly);
  const graph = useInspectorGraph();
  const kind = data?.kind ?? '';
  const params = useMemo(() => asRecord(data?.params), [data?.params]);
  const form = paramsForm(kind);
  const template = useMemo(() => caseTemplate(id, graph, catalog), [id, graph, catalog]);
  const suggestions = useMemo(() => pathSuggestions(id, graph, catalog, variables), [id, graph, catalog, variables]);
  const placed = useMemo(
    () => placeIssues(issues, form ? formPointers(kind, form, params) : new Set()),
    [issues, form, kind, params],
  );
  const scope = useMemo(
    (): InspectorScope => ({
      nodeId: id,
      kind,
      params,
      graph,
      catalog,
      template,
      suggestions,
      issues: placed,
    }),
    [id, kind, params, graph, catalog, template, suggestions, placed],
  );
  if (!data) return null;
  const update = (next: unknown) => store.getState().updateNodeParams(id, asRecord(next));
  return (
    <InspectorScopeContext value={scope}>
      <section className="inspector" data-testid="inspector" aria-label={`Settings of ${data.label || id}`}>
        {/* A disabled fieldset disables every control inside: a published version is looked at, not edited. */}
        <fieldset className="inspector-frame" disabled={readOnly}>
          <InspectorHeader id={id} kind={kind} label={data.label} />
          <IssueList issues={placed.top} />
          <FieldView
            path={[]}
            field={form ?? { kind: 'json' }}
            value={params}
            label={form ? 'Parameters' : 'Parameters (JSON)'}
            required
            onChange={update}
          />
        </fieldset>
      </section>
    </InspectorScopeContext>
  );
}
