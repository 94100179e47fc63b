import { Tabs, type TabsProps } from 'antd';
import { isValidElement, type ReactNode } from 'react';
import { ErrorSection } from '../app/ErrorPages';

/** The visible text of a tab label (a string, or elements wrapping one), for the empty state's message. */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

/**
 * The tabs of a detail page. Each tab is an ErrorSection: a tab whose content the user may not
 * read (e.g. a quote's internal approval for someone outside it) shows "无权查看…" in place, never
 * the full 404 page inside the tab (issue 11 item 3).
 */
export function DetailTabs({ items, ...rest }: TabsProps) {
  return (
    <Tabs
      {...rest}
      items={items?.map((it) => ({
        ...it,
        children: <ErrorSection what={textOf(it.label) || null}>{it.children}</ErrorSection>,
      }))}
    />
  );
}
