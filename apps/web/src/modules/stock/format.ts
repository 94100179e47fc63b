/** A quantity as the server sends it ("10.0000") read as people write it ("10", "2.5"). */
export function formatQty(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '-';
  const s = String(value);
  if (!/^-?\d+(\.\d+)?$/.test(s)) return s;
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
