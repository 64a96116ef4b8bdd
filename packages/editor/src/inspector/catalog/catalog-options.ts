import type { CatalogSnapshot, TemplateSnapshot } from '@casework/shared';
import { nodeName, type InspectorGraph } from '../graph/inspector-graph.ts';
import { caseSources } from '../graph/upstream.ts';

/** One choice of a picker. */
export interface PickerOption {
  value: string;
  label: string;
}

/** The current value as an extra option when the list lacks it, so a select never silently shows another. */
function withCurrent(options: PickerOption[], current: string, why: string): PickerOption[] {
  if (current === '' || options.some((option) => option.value === current)) return options;
  return [...options, { value: current, label: `${current} (${why})` }];
}

/** The secrets by name; null when the catalog does not list them (a role that may not read them). */
export function secretOptions(catalog: CatalogSnapshot, current: string): PickerOption[] | null {
  if (catalog.secrets === undefined) return null;
  const options = catalog.secrets
    .map(({ name }) => ({ value: name, label: name }))
    .sort((a, b) => a.value.localeCompare(b.value));
  return withCurrent(options, current, 'no such secret');
}

/** Active templates first, then archived ones marked as such (choosing one is a compile error). */
export function templateOptions(catalog: CatalogSnapshot, current: string): PickerOption[] {
  const options = [...catalog.templates]
    .sort((a, b) => Number(a.status === 'archived') - Number(b.status === 'archived') || a.key.localeCompare(b.key))
    .map((template) => ({
      value: template.id,
      label: template.status === 'archived' ? `${template.key} (archived)` : template.key,
    }));
  return withCurrent(options, current, 'not in the catalog');
}

export function queueOptions(catalog: CatalogSnapshot, current: string): PickerOption[] {
  const options = [...catalog.queues]
    .map((queue) => ({ ...queue, title: queue.name === undefined ? queue.id : `${queue.name} (${queue.id})` }))
    .sort((a, b) => Number(a.status === 'archived') - Number(b.status === 'archived') || a.title.localeCompare(b.title))
    .map((queue) => ({
      value: queue.id,
      label: queue.status === 'archived' ? `${queue.title} (archived)` : queue.title,
    }));
  return withCurrent(options, current, 'not in the catalog');
}

/** Workflows a `flow.run-workflow` node may run, by name: published ones first, then the others marked. */
export function workflowOptions(catalog: CatalogSnapshot, current: string): PickerOption[] {
  const why = (workflow: NonNullable<CatalogSnapshot['workflows']>[number]) =>
    workflow.status === 'archived' ? ' (archived)' : workflow.live ? '' : ' (not published)';
  const options = (catalog.workflows ?? [])
    .filter((workflow) => workflow.id !== catalog.currentWorkflowId)
    .sort((a, b) => why(a).localeCompare(why(b)) || a.name.localeCompare(b.name))
    .map((workflow) => ({ value: workflow.id, label: `${workflow.name}${why(workflow)}` }));
  return withCurrent(options, current, current === catalog.currentWorkflowId ? 'this workflow' : 'not in the catalog');
}

/** The template's statuses in their order, with their lifecycle role (`approved — ends the case`). */
export function statusOptions(template: TemplateSnapshot, current: string): PickerOption[] {
  const roles = { initial: 'initial', intermediate: '', end: 'resolves the case' } as const;
  const options = template.statuses.map((status) => ({
    value: status.name,
    label: roles[status.type] === '' ? status.name : `${status.name} — ${roles[status.type]}`,
  }));
  return withCurrent(options, current, `not a status of ${template.key}`);
}

/** The template's fields: `amount — number`. */
export function fieldOptions(template: TemplateSnapshot, current: string): PickerOption[] {
  const options = template.fieldSchemas.map((field) => ({
    value: field.key,
    label: `${field.label ?? field.key} — ${field.type}`,
  }));
  return withCurrent(options, current, `not a field of ${template.key}`);
}

/** Upstream nodes whose output carries a case, nearest first. */
export function caseRefOptions(id: string, graph: InspectorGraph, current: string): PickerOption[] {
  const options = caseSources(id, graph).map((node) => ({ value: node.id, label: nodeName(node) }));
  const exists = graph.nodes.some((node) => node.id === current);
  return withCurrent(options, current, exists ? 'does not run before this node' : 'no such node');
}
