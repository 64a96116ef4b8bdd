import './step-strip.css';
import { routeHref } from '../app/route.ts';
import type { StepOverlay } from '../run/step-overlay.ts';

/**
 * The overlaid run's state of this node's step: icon, status, timing, (when retried) attempts and (a For each) its
 * iterations done and failed.
 */
export function StepStrip({ step }: { step: StepOverlay }) {
  const parts = [
    step.statusLabel,
    step.timing,
    step.attempts > 1 ? `${step.attempts} attempts` : null,
    step.iterations,
  ];
  return (
    <div className="workflow-node-step" data-testid="node-step" data-status={step.status}>
      <span className="workflow-node-step-icon" aria-hidden="true">
        {step.icon}
      </span>
      <span>{parts.filter((part) => part !== null).join(' · ')}</span>
      {step.childRun !== null && (
        <a
          className="workflow-node-step-link nodrag"
          data-testid="child-run-link"
          href={routeHref({ page: 'workflow', workflowId: step.childRun.workflowId, runId: step.childRun.runId })}
          target="_blank"
          rel="noreferrer"
          title={`Open the child run ${step.childRun.runId}`}
        >
          child run ↗
        </a>
      )}
    </div>
  );
}
