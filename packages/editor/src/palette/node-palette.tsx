import { useId, useState } from 'react';
import { useAddNode } from '../canvas/use-add-node.ts';
import { roleTitles } from '../graph/kind-info.ts';
import { filterKinds } from './filter-kinds.ts';
import { PaletteItem } from './palette-item.tsx';

/** Every node kind, grouped by role and searchable; items drag onto the canvas or add on click. */
export function NodePalette() {
  const [query, setQuery] = useState('');
  const addNode = useAddNode();
  const searchId = useId();
  const groups = filterKinds(query);
  return (
    <nav className="node-palette" aria-label="Node palette">
      <label className="visually-hidden" htmlFor={searchId}>
        Search node kinds
      </label>
      <input
        id={searchId}
        className="palette-search"
        type="search"
        placeholder="Search nodes…"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {groups.length === 0 && <p className="palette-empty">No node kind matches “{query}”.</p>}
      {groups.map(({ role, kinds }) => (
        <section key={role} className="palette-group" aria-label={roleTitles[role]}>
          <h2 className="palette-group-title">{roleTitles[role]}</h2>
          <ul className="palette-items">
            {kinds.map((kind) => (
              <PaletteItem key={kind} kind={kind} role={role} onAdd={addNode} />
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
