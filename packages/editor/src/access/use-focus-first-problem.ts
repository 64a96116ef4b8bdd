import { useEffect, useRef, useState } from 'react';

/**
 * After a refused submit, takes the user to the first marked control of the form once it is rendered, as the New
 * template form does (case-setup/template-form.tsx); a problem no control owns is an alert, read out as it shows.
 */
export function useFocusFirstProblem() {
  const formRef = useRef<HTMLFormElement>(null);
  const [refused, setRefused] = useState(0);
  useEffect(() => {
    if (refused === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refused]);
  return { formRef, onRefused: () => setRefused((n) => n + 1) };
}
