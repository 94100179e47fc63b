import { useSearchParams } from 'react-router';

/** The report's query in the URL (shareable, survives reload): its period fields and department. */
export function useReportParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const query = {} as Record<K, string | undefined>;
  for (const k of keys) query[k] = params.get(k) ?? undefined;
  const departmentId = params.get('departmentId') ? Number(params.get('departmentId')) : undefined;
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) v === undefined ? next.delete(k) : next.set(k, String(v));
    setParams(next, { replace: true });
  };
  return { query: { ...query, departmentId }, departmentId, set };
}
