import { useEffect, useRef } from 'react';

/** Single keys (`j`, `k`, `?`, `/`) and what they do; documented in the page's keyboard help. */
export type Shortcuts = Readonly<Record<string, () => void>>;

/**
 * Listens for single-key shortcuts on the page. Keys typed into a field, with a modifier (Ctrl, Alt, Meta), or while
 * a dialog is open are left alone, so shortcuts never eat text or fight the browser's own keys.
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target;
      if (target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select')))
        return;
      if (document.querySelector('dialog[open]')) return;
      const action = latest.current[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
