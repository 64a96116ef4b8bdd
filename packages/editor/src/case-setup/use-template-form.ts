import type { CaseTemplateResource } from '@casework/shared';
import { useMemo, useState } from 'react';
import { useApi } from '../session/use-api.ts';
import { errorsFromFailure, liveServerErrors, mergeErrors, noErrors, type FormErrors } from './form-errors.ts';
import { initialTemplateForm, toTemplateRequestBody, type TemplateRequestBody } from './template-form-state.ts';
import { templateSlot, validateTemplateRequest } from './template-validation.ts';

interface ServerAnswer {
  errors: FormErrors;
  body: TemplateRequestBody;
}

/**
 * The "New template" form's state and submit. Problems show once a submit was tried, then follow every edit;
 * nothing the user typed is cleared until the template exists.
 */
export function useTemplateForm(onCreated: (template: CaseTemplateResource) => void) {
  const api = useApi();
  const [state, setState] = useState(initialTemplateForm);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [server, setServer] = useState<ServerAnswer | null>(null);

  const body = useMemo(() => toTemplateRequestBody(state), [state]);
  const validation = useMemo(() => validateTemplateRequest(body), [body]);
  const clientErrors = tried && !validation.ok ? validation.errors : noErrors;
  const errors = mergeErrors(clientErrors, server ? liveServerErrors(server.errors, server.body, body) : noErrors);

  /** Resolves to whether the template was created; when not, `errors` says why. */
  const submit = async (): Promise<boolean> => {
    setTried(true);
    setServer(null);
    if (!validation.ok || busy) return false;
    setBusy(true);
    try {
      const created = await api.catalog.createTemplate(validation.request);
      setState(initialTemplateForm());
      setTried(false);
      onCreated(created);
      return true;
    } catch (failure) {
      setServer({ errors: errorsFromFailure(failure, templateSlot), body });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { state, setState, errors, busy, submit };
}
