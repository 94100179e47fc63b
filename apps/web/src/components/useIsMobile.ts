import { useSyncExternalStore } from 'react';

// Below antd's `md` breakpoint (768 px): phones. Read synchronously so the first render already
// has the right layout (antd's Grid.useBreakpoint reports nothing until after mount).
const QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const mql = window.matchMedia(QUERY);
  mql.addEventListener('change', onChange);
  return () => mql.removeEventListener('change', onChange);
}

/** True on a phone-sized viewport (issue 11: the rep's layout in the field). */
export function useIsMobile(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}

/**
 * A drawer's size: as given on a desktop, the whole width on a phone (a 640–760 px panel would be
 * cut off at 390 px).
 */
export function useDrawerSize(size: number | 'default' | 'large'): number | string {
  return useIsMobile() ? '100%' : size;
}
