/**
 * Replaces the section of a Markdown report whose heading starts with `heading` followed by a
 * space ("## B1 — …", so "## B1" never matches "## B10"), up to the next `## `. A missing section
 * is inserted before `before` when given and present, else before "## Observations" /
 * "## Reproduce", else appended.
 */
export function spliceSection(md: string, heading: string, section: string, before?: string): string {
  const start = md.indexOf(`\n${heading} `);
  if (start < 0) {
    const anchors = [...(before ? [before] : []), '## Observations', '## Reproduce'];
    for (const anchor of anchors) {
      const at = md.indexOf(`\n${anchor}`);
      if (at >= 0) return `${md.slice(0, at + 1)}${section}\n${md.slice(at + 1)}`;
    }
    return `${md}\n${section}`;
  }
  const next = md.indexOf('\n## ', start + heading.length + 1);
  return `${md.slice(0, start + 1)}${section}${next >= 0 ? `\n${md.slice(next + 1)}` : ''}`;
}
