/**
 * Replaces the section starting with `heading` (up to the next `## `) in a Markdown report, or
 * inserts it before "## Observations" / "## Reproduce" (or at the end) when it is not there yet.
 */
export function spliceSection(md: string, heading: string, section: string): string {
  const start = md.indexOf(`\n${heading}`) + 1;
  if (start <= 0) {
    const at = md.indexOf('\n## Observations');
    const cut = at >= 0 ? at + 1 : md.indexOf('\n## Reproduce') + 1;
    return cut > 0 ? `${md.slice(0, cut)}${section}\n${md.slice(cut)}` : `${md}\n${section}`;
  }
  const next = md.indexOf('\n## ', start + heading.length);
  return `${md.slice(0, start)}${section}${next >= 0 ? `\n${md.slice(next + 1)}` : ''}`;
}
