import { useSearchParams } from 'react-router';

export type UrlPatch = Record<string, string | number | undefined>;

/**
 * List pages keep filters, sort and paging in the URL (shareable, survives reload). `patch`
 * applies changes (empty values remove the key; a filter change goes back to page 1) and returns
 * false when the URL would not change, so the caller can refetch instead.
 */
export function useListUrlState() {
  const [sp, setSp] = useSearchParams();
  const page = Number(sp.get('page')) || 1;
  const pageSize = Number(sp.get('pageSize')) || 20;
  const patch = (changes: UrlPatch, resetPage = true): boolean => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (resetPage) next.delete('page');
    if (next.toString() === sp.toString()) return false;
    setSp(next);
    return true;
  };
  return { sp, page, pageSize, patch };
}
