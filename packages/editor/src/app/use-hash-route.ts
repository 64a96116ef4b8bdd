import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route.ts';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const currentHash = () => window.location.hash;

/** The page the URL hash names; re-renders when the hash changes (links, back and forward). */
export function useHashRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, currentHash));
}

/** Goes to `href` (a `#/…` hash), as following a link would. */
export function navigate(href: string): void {
  window.location.hash = href.startsWith('#') ? href.slice(1) : href;
}
