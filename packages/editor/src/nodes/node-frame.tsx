import type { NodeRole } from '@casework/shared';
import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import type { EditorNodeData } from '../graph/editor-node.ts';
import { infoOf } from '../graph/kind-info.ts';
import { useStepOverlay } from '../run/use-step-overlay.ts';
import { IssueBadge } from './issue-badge.tsx';
import { NodeOutputs } from './node-outputs.tsx';
import { StepStrip } from './step-strip.tsx';
import { useNodeIssues } from './use-node-issues.ts';

export const roleIcons: Record<NodeRole | 'unknown', string> = {
  trigger: '⚡',
  action: '▤',
  logic: '◆',
  wait: '◷',
  end: '■',
  unknown: '?',
};

interface NodeFrameProps {
  id: string;
  data: EditorNodeData;
  role: NodeRole | 'unknown';
  selected: boolean;
  /** Triggers start the run, so they have no input handle. */
  hasInput: boolean;
  /** The kind's key parameters, at most two short lines. */
  summary: readonly string[];
  children?: ReactNode;
}

/** What every node looks like: kind header, label, key parameters, input handle, labelled outputs, issue badge. */
export function NodeFrame({ id, data, role, selected, hasInput, summary, children }: NodeFrameProps) {
  const issues = useNodeIssues(id);
  const step = useStepOverlay(id);
  const info = infoOf(data.kind);
  return (
    <div
      className="workflow-node"
      data-role={role}
      data-kind={data.kind}
      data-selected={selected || undefined}
      data-step-status={step?.status}
      title={step?.detail}
    >
      {hasInput && <Handle type="target" position={Position.Left} id="in" className="node-handle" />}
      <div className="workflow-node-header">
        <span className="workflow-node-icon" aria-hidden="true">
          {roleIcons[role]}
        </span>
        <span className="workflow-node-kind" title={info.description}>
          {info.title}
        </span>
        <IssueBadge issues={issues} />
      </div>
      <div className="workflow-node-label">{data.label === '' ? id : data.label}</div>
      {summary.length > 0 && (
        <ul className="workflow-node-summary">
          {summary.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
      {children}
      {step && <StepStrip step={step} />}
      <NodeOutputs id={id} data={data} />
    </div>
  );
}
