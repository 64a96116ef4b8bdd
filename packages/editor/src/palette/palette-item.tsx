import type { NodeKind, NodeRole } from '@casework/shared';
import { memo, type DragEvent } from 'react';
import { infoOf } from '../graph/kind-info.ts';
import { roleIcons } from '../nodes/node-frame.tsx';
import { NODE_KIND_MIME } from './palette-drag.ts';

interface PaletteItemProps {
  kind: NodeKind;
  role: NodeRole;
  onAdd: (kind: NodeKind) => void;
}

/** A node kind: drag it onto the canvas, or click it (or Enter/Space) to add it next to the selection. */
export const PaletteItem = memo(function PaletteItem({ kind, role, onAdd }: PaletteItemProps) {
  const info = infoOf(kind);
  const onDragStart = (event: DragEvent<HTMLButtonElement>) => {
    event.dataTransfer.setData(NODE_KIND_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <li>
      <button
        type="button"
        className="palette-item"
        data-role={role}
        data-kind={kind}
        draggable
        onDragStart={onDragStart}
        onClick={() => onAdd(kind)}
        title={`${info.description}. Drag onto the canvas, or click to add.`}
      >
        <span className="palette-item-icon" aria-hidden="true">
          {roleIcons[role]}
        </span>
        {info.title}
      </button>
    </li>
  );
});
