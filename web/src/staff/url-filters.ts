import { useSearchParams } from 'react-router-dom';

/** New values for some of the address's query keys: empty or undefined removes the key. */
export type FilterPatch = Record<string, string | number | undefined>;

/**
 * A list page's filters, sort and page live in the address, so a reload or a shared link shows
 * the same rows. `set` changes some of them; any change but paging itself goes back to page 1.
 */
export function useUrlFilters(): [URLSearchParams, (patch: FilterPatch, keepPage?: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const set = (patch: FilterPatch, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setParams(next, { replace: true });
  };
  return [params, set];
}
