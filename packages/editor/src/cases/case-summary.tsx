import { relationshipsOf } from './case-relationships.ts';
import type { CaseQueueResource, CaseResource, CaseTemplateResource } from '@casework/shared';
import { formatDateTime } from '../ui/format-time.ts';
import { CaseStatusBadge } from './case-status-badge.tsx';
import { CaseTags } from './case-tags.tsx';
import { SlaBadge } from './sla-badge.tsx';
import { useNow } from './use-now.ts';

interface CaseSummaryProps {
  kase: CaseResource;
  template: CaseTemplateResource | null;
  queues: readonly CaseQueueResource[];
  canEdit: boolean;
  onChanged: (kase: CaseResource) => void;
  onHelp: () => void;
}

/** The case at a glance: name, template, status, SLA countdown or breach, assignee, queue, tags. */
export function CaseSummary({ kase, template, queues, canEdit, onChanged, onHelp }: CaseSummaryProps) {
  const now = useNow();
  const { attributes } = kase;
  const queueId = relationshipsOf(kase)['case-queue'].data?.id ?? null;
  const queueName =
    queueId === null ? null : (queues.find((queue) => queue.id === queueId)?.attributes.name ?? queueId);
  return (
    <header className="case-summary">
      <div className="case-summary-title">
        <h2 data-testid="case-name">{attributes.name}</h2>
        <CaseStatusBadge status={attributes.status} resolved={attributes['resolved-at'] !== null} />
        {attributes['redacted-at'] !== null && <span className="case-redacted">Redacted</span>}
        <button type="button" className="button-quiet case-help" onClick={onHelp} title="Keyboard shortcuts (?)">
          Keyboard: ?
        </button>
      </div>
      <dl className="case-facts">
        <div>
          <dt>Template</dt>
          <dd>{template?.attributes.name ?? relationshipsOf(kase)['case-template'].data?.id ?? '—'}</dd>
        </div>
        <div>
          <dt>SLA</dt>
          <dd>
            <SlaBadge times={attributes} now={now} />
          </dd>
        </div>
        <div>
          <dt>Assignee</dt>
          <dd data-testid="case-assignee">{attributes['assignee-id'] ?? <span className="muted">unassigned</span>}</dd>
        </div>
        <div>
          <dt>Queue</dt>
          <dd data-testid="case-queue">{queueName ?? <span className="muted">none</span>}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{formatDateTime(attributes['created-at'])}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{formatDateTime(attributes['updated-at'])}</dd>
        </div>
        {attributes['resolved-at'] !== null && (
          <div>
            <dt>Resolved</dt>
            <dd>{formatDateTime(attributes['resolved-at'])}</dd>
          </div>
        )}
      </dl>
      <CaseTags kase={kase} canEdit={canEdit} onChanged={onChanged} />
    </header>
  );
}
