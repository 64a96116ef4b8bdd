import { useCallback } from 'react';
import { useApi } from '../session/use-api.ts';
import './case-setup.css';
import { QueuesSection } from './queues-section.tsx';
import { SecretsSection } from './secrets-section.tsx';
import { usePermissions } from '../session/use-permissions.ts';
import { TemplatesSection } from './templates-section.tsx';
import { activeFirst, useResourceList } from './use-resource-list.ts';

/**
 * `#/case-setup`: the case templates and queues workflows create cases from, made and archived here rather than
 * with curl, and (for admins and designers) the secrets HTTP request steps use. A workflow page reads them afresh when it opens, or when its tab becomes visible again.
 */
export function CaseSetupPage() {
  const api = useApi();
  const { design } = usePermissions();
  const templates = useResourceList(
    useCallback((signal: AbortSignal) => api.catalog.templates(signal), [api]),
    activeFirst,
  );
  const queues = useResourceList(
    useCallback((signal: AbortSignal) => api.catalog.queues(signal), [api]),
    activeFirst,
  );
  return (
    <div className="case-setup ui">
      <div className="case-setup-inner">
        <h2 className="case-setup-title">Case setup</h2>
        <TemplatesSection
          templates={templates.state}
          queues={queues.state}
          onChanged={templates.put}
          onReload={templates.reload}
        />
        <QueuesSection queues={queues.state} onChanged={queues.put} onReload={queues.reload} />
        {design && <SecretsSection />}
      </div>
    </div>
  );
}
