import { Card, Empty, Pagination, type PaginationProps, Spin, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { HTMLAttributes, Key, ReactNode } from 'react';

type Column<T> = ColumnType<T> & { children?: unknown };

/** How many fields a card shows under its title: the list's leading columns are its key fields. */
const FIELDS = 7;

function fieldValue<T extends object>(record: T, dataIndex: ColumnType<T>['dataIndex']): unknown {
  if (dataIndex === undefined) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  return path.reduce<unknown>((v, k) => (v == null ? v : (v as Record<string, unknown>)[k as string]), record);
}

function cell<T extends object>(col: Column<T>, record: T, index: number): ReactNode {
  const value = fieldValue(record, col.dataIndex);
  const rendered = col.render ? col.render(value, record, index) : value;
  // A render may return cell props ({ children, props }); only the content is shown.
  if (rendered && typeof rendered === 'object' && 'children' in (rendered as object) && !('$$typeof' in rendered)) {
    return (rendered as { children: ReactNode }).children;
  }
  return rendered as ReactNode;
}

function shownOnPhone<T>(col: Column<T>): boolean {
  return !col.hidden && (!col.responsive || col.responsive.includes('xs'));
}

/**
 * A table's rows as cards for a phone (issue 11: nothing scrolls sideways at 360–414 px): the
 * first column (or `titleKey`'s) is the title, the next few are label/value lines, an "actions" column sits at the
 * bottom. Same row test ids and row click as the table.
 */
export function CardList<T extends object>({
  items,
  columns,
  rowKey,
  loading,
  rowTestId,
  onRowClick,
  pagination,
  titleKey,
}: {
  items: T[] | undefined;
  columns: NonNullable<TableProps<T>['columns']>;
  rowKey: TableProps<T>['rowKey'];
  loading: TableProps<T>['loading'];
  rowTestId: string;
  onRowClick?: (record: T) => void;
  pagination?: PaginationProps;
  /** The column that titles each card, when it is not the first (e.g. the name, not the number). */
  titleKey?: string;
}) {
  const cols = (columns as Column<T>[]).filter((c) => !c.children && shownOnPhone(c));
  const actions = cols.find((c) => c.key === 'actions' || c.dataIndex === 'actions');
  const body = cols.filter((c) => c !== actions);
  const titled = titleKey ? body.findIndex((c) => c.key === titleKey || c.dataIndex === titleKey) : -1;
  if (titled > 0) body.unshift(...body.splice(titled, 1));
  const [head, ...rest] = body;
  const fields = rest.slice(0, FIELDS);
  const keyOf = (r: T, i: number): Key =>
    typeof rowKey === 'function' ? rowKey(r, i) : (fieldValue(r, (rowKey ?? 'id') as string) as Key);
  return (
    <Spin spinning={!!loading}>
      {items?.length ? (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {items.map((r, i) => (
            <Card
              key={keyOf(r, i)}
              size="small"
              {...({ 'data-testid': rowTestId } as HTMLAttributes<HTMLDivElement>)}
              onClick={onRowClick ? () => onRowClick(r) : undefined}
              style={onRowClick ? { cursor: 'pointer' } : undefined}
              title={head ? <div style={{ whiteSpace: 'normal' }}>{cell(head, r, i)}</div> : undefined}
            >
              {fields.map((c, j) => (
                <div
                  key={String(c.key ?? c.dataIndex ?? j)}
                  style={{ display: 'flex', justifyContent: 'space-between', gap: 12, padding: '2px 0' }}
                >
                  <span style={{ color: 'rgba(0,0,0,0.45)', flex: 'none' }}>{c.title as ReactNode}</span>
                  <span style={{ textAlign: 'right', minWidth: 0, overflowWrap: 'anywhere' }}>{cell(c, r, i)}</span>
                </div>
              ))}
              {actions && (
                // Actions act on the row: a tap on them does not also open it.
                // biome-ignore lint/a11y/noStaticElementInteractions: stops the card's click only
                <div
                  style={{ marginTop: 8, display: 'flex', justifyContent: 'flex-end' }}
                  onClick={(e) => e.stopPropagation()}
                  onKeyDown={(e) => e.stopPropagation()}
                >
                  {cell(actions, r, i)}
                </div>
              )}
            </Card>
          ))}
        </div>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      {pagination && <Pagination simple size="small" style={{ marginTop: 12, textAlign: 'center' }} {...pagination} />}
    </Spin>
  );
}
