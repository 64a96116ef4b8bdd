import { formatDateTime } from '../ui/format-time.ts';
import { slaView, type SlaTimes } from './sla-countdown.ts';

/** A case's SLA at `now`: a countdown (amber within the hour), a breach (red), met, or a dash when it has none. */
export function SlaBadge({ times, now }: { times: SlaTimes; now: number }) {
  const view = slaView(times, now);
  const deadline = times['sla-expires-at'];
  const title = deadline === null ? 'No SLA' : `SLA deadline: ${formatDateTime(deadline)}`;
  switch (view.kind) {
    case 'none':
      return (
        <span className="muted" data-testid="sla" data-sla="none" title={title}>
          —
        </span>
      );
    case 'met':
      return (
        <span className="sla-badge" data-testid="sla" data-sla="met" title={title}>
          met
        </span>
      );
    case 'running':
      return (
        <span className="sla-badge" data-testid="sla" data-sla={view.dueSoon ? 'due-soon' : 'running'} title={title}>
          {view.text}
        </span>
      );
    case 'breached':
      return (
        <span className="sla-badge" data-testid="sla" data-sla="breached" title={title}>
          {view.text}
        </span>
      );
  }
}
