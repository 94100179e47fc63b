/** A decimal quantity string with thousands separators (zh-CN, zh-TW and en-US all group with ','); trailing zero decimals dropped (no float maths). */
export function useQty() {
  return (v: string | null | undefined) => {
    if (v === null || v === undefined || v === '') return '-';
    const [int, frac = ''] = v.split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const f = frac.replace(/0+$/, '');
    return f ? `${grouped}.${f}` : grouped;
  };
}
