/** A LIKE pattern matching `kw` anywhere, case-insensitive, with LIKE's wildcards escaped. */
export const like = (kw: string) => `%${kw.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
