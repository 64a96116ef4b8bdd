import { useId } from 'react';
import { infoOf, roleOf } from '../graph/kind-info.ts';
import { roleIcons } from '../nodes/node-frame.tsx';
import { useEditorStore } from '../store/use-editor-store.ts';

/** The node's kind, its editable label and its id (read-only: edges and `steps.<id>` refer to it). */
export function InspectorHeader({ id, kind, label }: { id: string; kind: string; label: string }) {
  const updateNodeLabel = useEditorStore((state) => state.updateNodeLabel);
  const labelId = useId();
  const nodeId = useId();
  const info = infoOf(kind);
  return (
    <header className="inspector-header">
      <h2 className="inspector-title">
        <span className="inspector-kind-icon" aria-hidden="true">
          {roleIcons[roleOf(kind)]}
        </span>
        {info.title}
      </h2>
      <p className="inspector-kind-description">{info.description}</p>
      <div className="inspector-field">
        <label className="inspector-label" htmlFor={labelId}>
          Label
        </label>
        <input
          id={labelId}
          className="inspector-input"
          type="text"
          value={label}
          placeholder={id}
          onChange={(event) => updateNodeLabel(id, event.target.value)}
        />
      </div>
      <div className="inspector-field">
        <label className="inspector-label" htmlFor={nodeId}>
          Node id
        </label>
        <input id={nodeId} className="inspector-input inspector-readonly" type="text" value={id} readOnly />
      </div>
    </header>
  );
}
