import type { CaseTemplateResource } from '@casework/shared';
import { useState, type Ref } from 'react';
import { caseStates, withFilter, type CaseFilters, type CaseState, type SlaFilter } from './case-filters.ts';
import { CommitInput } from './commit-input.tsx';

interface CaseFilterBarProps {
  filters: CaseFilters;
  templates: readonly CaseTemplateResource[];
  onChange: (filters: CaseFilters) => void;
  searchRef: Ref<HTMLInputElement>;
}

const stateLabels: Record<CaseState, string> = { open: 'Open', resolved: 'Resolved', all: 'Open and resolved' };
const splitTags = (text: string) =>
  [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
    ),
  ].slice(0, 20);

/** The list's filters; every change goes to the URL, which the list reads. */
export function CaseFilterBar({ filters, templates, onChange, searchRef }: CaseFilterBarProps) {
  const set = <K extends keyof CaseFilters>(key: K, value: CaseFilters[K]) => onChange(withFilter(filters, key, value));
  const chosenTemplate = templates.find((template) => template.id === filters.template);
  // Statuses of the chosen template, or of every template (names compared exactly, each once).
  const statuses = [
    ...new Set(
      (chosenTemplate ? [chosenTemplate] : templates).flatMap((template) =>
        template.attributes.statuses.map((s) => s.name),
      ),
    ),
  ];
  if (filters.status !== null && !statuses.includes(filters.status)) statuses.push(filters.status);
  const assignee = filters.assignee;
  // "Someone…" shows the e-mail field; the filter changes once an address is entered.
  const [someone, setSomeone] = useState(false);
  const assigneeChoice = someone || assignee.kind === 'email' ? 'email' : assignee.kind;
  return (
    <div className="case-filter-bar" role="search" aria-label="Filter cases">
      <CommitInput
        label="Name"
        type="search"
        value={filters.text}
        placeholder="KYC-17"
        debounceMs={350}
        inputRef={searchRef}
        onCommit={(text) => set('text', text)}
      />
      <label className="filter-control">
        <span>Cases</span>
        <select
          className="text-input"
          value={filters.state}
          onChange={(e) => set('state', e.target.value as CaseState)}
        >
          {caseStates.map((state) => (
            <option key={state} value={state}>
              {stateLabels[state]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-control">
        <span>Template</span>
        <select
          className="text-input"
          value={filters.template ?? ''}
          onChange={(e) => set('template', e.target.value || null)}
        >
          <option value="">Any template</option>
          {templates.map((template) => (
            <option key={template.id} value={template.id}>
              {template.attributes.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-control">
        <span>Status</span>
        <select
          className="text-input"
          value={filters.status ?? ''}
          onChange={(e) => set('status', e.target.value || null)}
        >
          <option value="">Any status</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-control">
        <span>Assignee</span>
        <select
          className="text-input"
          value={assigneeChoice}
          onChange={(e) => {
            const kind = e.target.value;
            setSomeone(kind === 'email');
            if (kind !== 'email')
              set('assignee', kind === 'me' || kind === 'unassigned' ? { kind } : { kind: 'anyone' });
          }}
        >
          <option value="anyone">Anyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
          <option value="email">Someone…</option>
        </select>
      </label>
      {assigneeChoice === 'email' && (
        <CommitInput
          label="Assignee e-mail"
          type="email"
          value={assignee.kind === 'email' ? assignee.email : ''}
          placeholder="analyst@example.com"
          onCommit={(email) =>
            set('assignee', email.trim() === '' ? { kind: 'anyone' } : { kind: 'email', email: email.trim() })
          }
        />
      )}
      <CommitInput
        label="Tags"
        value={filters.tags.join(', ')}
        placeholder="pep, high-value"
        onCommit={(text) => set('tags', splitTags(text))}
      />
      <label className="filter-control">
        <span>SLA</span>
        <select
          className="text-input"
          value={filters.sla ?? ''}
          onChange={(e) => set('sla', (e.target.value || null) as SlaFilter | null)}
        >
          <option value="">Any</option>
          <option value="due-soon">Due within the hour</option>
          <option value="breached">Breached</option>
        </select>
      </label>
    </div>
  );
}
