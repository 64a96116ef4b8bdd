import type { CaseResource } from '@casework/shared';
import { useState, type FormEvent } from 'react';
import { useApi } from '../session/use-api.ts';
import { ErrorMessage } from '../ui/error-message.tsx';
import { useAction } from './use-action.ts';

/** The case's tags, each removable, and a field to add one. Read-only without the right to work cases. */
export function CaseTags({
  kase,
  canEdit,
  onChanged,
}: {
  kase: CaseResource;
  canEdit: boolean;
  onChanged: (kase: CaseResource) => void;
}) {
  const api = useApi();
  const action = useAction();
  const [tag, setTag] = useState('');
  const add = (event: FormEvent) => {
    event.preventDefault();
    const name = tag.trim();
    if (name === '') return;
    void action.run(async () => {
      onChanged(await api.cases.addTag(kase.id, name));
      setTag('');
    });
  };
  const { tags } = kase.attributes;
  return (
    <div className="case-tag-editor">
      <ul className="case-tags" aria-label="Tags" data-testid="case-tags">
        {tags.length === 0 && <li className="muted">No tags</li>}
        {tags.map((name) => (
          <li key={name} className="case-tag">
            {name}
            {canEdit && (
              <button
                type="button"
                className="button-quiet case-tag-remove"
                aria-label={`Remove tag ${name}`}
                disabled={action.busy}
                onClick={() => void action.run(async () => onChanged(await api.cases.removeTag(kase.id, name)))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <form className="case-tag-form" onSubmit={add}>
          <input
            className="text-input"
            aria-label="New tag"
            placeholder="Add a tag"
            value={tag}
            maxLength={100}
            onChange={(e) => setTag(e.target.value)}
          />
          <button type="submit" disabled={action.busy || tag.trim() === ''}>
            Add tag
          </button>
        </form>
      )}
      {action.error !== null && <ErrorMessage>{action.error}</ErrorMessage>}
    </div>
  );
}
