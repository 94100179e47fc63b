import { Table, type TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { type HTMLAttributes, lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardList as CardListComponent } from './CardList';
import { ColumnSettings } from './ColumnSettings';
import { columnId, resolveColumns } from './columnSettings';
import { useIsMobile } from './useIsMobile';

// Phones only: the card list (with antd's Card) is downloaded when a phone shows a list (issue 11).
const CardList = lazy(() =>
  import('./CardList').then((m) => ({ default: m.CardList })),
) as unknown as typeof CardListComponent;

import { type TableColumnsPreference, useDeletePreference, usePreferences, useSavePreference } from './usePreferences';

export type SortOrder = 'asc' | 'desc';

export interface DataTableProps<T extends object>
  extends Omit<TableProps<T>, 'pagination' | 'dataSource' | 'onChange' | 'onRow'> {
  items: T[] | undefined;
  /** Server-side pagination; omit for a client-side (unpaged) table. */
  total?: number;
  totalCapped?: boolean;
  page?: number;
  pageSize?: number;
  onPageChange?: (page: number, pageSize: number) => void;
  onSortChange?: (field: string | undefined, order: SortOrder | undefined) => void;
  onRowClick?: (record: T) => void;
  /** data-testid of every body row (default `table-row`). */
  rowTestId?: string;
  /** On a phone, the column that titles each card (default: the first). */
  cardTitleKey?: string;
  /**
   * 列设置: the table's name for the user's saved column settings (`table.<name>` on the server);
   * the desktop table then shows the control and applies the settings (a phone's cards too).
   */
  settingsKey?: string;
  /** Columns (by key or dataIndex) that can never be hidden: number, name, status, amount… */
  keyColumns?: readonly string[];
  /** Columns hidden until the user shows them in 列设置 (so the table fits 1366 px). */
  defaultHidden?: readonly string[];
  /** The left side of the bar above the table: bulk actions on the selected rows. */
  toolbar?: ReactNode;
}

const NONE: readonly string[] = [];

/**
 * The table's scroll width: the sum of its columns' widths when each has one, so the widths hold
 * (ellipsis cuts long names instead of the column growing) and the table scrolls sideways only when
 * the window is narrower than that; otherwise the widest content decides ('max-content').
 */
function scrollWidth<T>(columns: TableProps<T>['columns'], selectable: boolean): number | 'max-content' {
  const widths = (columns ?? []).map((c) => (typeof c.width === 'number' ? c.width : null));
  if (widths.length === 0 || widths.some((w) => w === null)) return 'max-content';
  return (widths as number[]).reduce((a, b) => a + b, selectable ? 48 : 0);
}

/** The table's columns after the user's 列设置, and the control to change them (null without settingsKey). */
function useColumnSettings<T extends object>(
  columns: TableProps<T>['columns'],
  settingsKey: string | undefined,
  keyColumns: readonly string[],
  defaultHidden: readonly string[],
) {
  const prefs = usePreferences(!!settingsKey);
  const key = `table.${settingsKey ?? ''}`;
  const save = useSavePreference(key);
  const reset = useDeletePreference(key);
  if (!settingsKey || !columns) return { columns, control: null };
  const pref = prefs.data?.[key] as TableColumnsPreference | undefined;
  const resolved = resolveColumns(columns as ColumnType<T>[], pref, keyColumns, defaultHidden);
  const control = (
    <ColumnSettings<T>
      resolved={resolved}
      keyColumns={keyColumns}
      onChange={(v) => save.mutate(v)}
      onReset={() => reset.mutate()}
      testIdPrefix={settingsKey}
    />
  );
  return { columns: resolved.ordered.filter((c) => !resolved.hidden.has(columnId(c))), control };
}

/** antd Table with server pagination, "10000+" capped totals, row test ids and row click. */
export function DataTable<T extends object>({
  items,
  total,
  totalCapped,
  page,
  pageSize,
  onPageChange,
  onSortChange,
  onRowClick,
  rowTestId = 'table-row',
  cardTitleKey,
  rowKey = 'id',
  settingsKey,
  keyColumns = NONE,
  defaultHidden = NONE,
  toolbar,
  ...rest
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const settings = useColumnSettings(rest.columns, settingsKey, keyColumns, defaultHidden);
  const columns = settings.columns;
  const paged = total !== undefined && page !== undefined && pageSize !== undefined;
  const showTotal = (n: number) => (
    <span data-testid="table-total">
      {totalCapped ? t('common.totalCapped', { total: n }) : t('common.total', { total: n })}
    </span>
  );

  // On a phone a table would scroll sideways: each row becomes a card of its key fields (the
  // toolbar — list views — stays above them; column settings are a desktop control).
  if (mobile && columns) {
    return (
      <>
        {toolbar ? <div style={{ marginBottom: 8 }}>{toolbar}</div> : null}
        <Suspense fallback={null}>
          <CardList<T>
            items={items}
            columns={columns}
            rowKey={rowKey}
            loading={rest.loading}
            rowTestId={rowTestId}
            onRowClick={onRowClick}
            titleKey={cardTitleKey}
            pagination={
              paged
                ? { current: page, pageSize, total, showTotal, onChange: (p, size) => onPageChange?.(p, size) }
                : undefined
            }
          />
        </Suspense>
      </>
    );
  }

  const onChange: TableProps<T>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'paginate' && onPageChange) {
      onPageChange(pagination.current ?? 1, pagination.pageSize ?? pageSize ?? 20);
    }
    if (extra.action === 'sort' && onSortChange) {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
      const field = s?.order ? String(s.columnKey ?? s.field ?? '') || undefined : undefined;
      onSortChange(field, s?.order === 'ascend' ? 'asc' : s?.order === 'descend' ? 'desc' : undefined);
    }
  };

  const bar =
    toolbar || settings.control ? (
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, marginBottom: 8 }}>
        <div style={{ minWidth: 0 }}>{toolbar}</div>
        {settings.control}
      </div>
    ) : null;

  return (
    <>
      {bar}
      <Table<T>
        rowKey={rowKey}
        dataSource={items}
        onChange={onChange}
        scroll={{ x: scrollWidth(columns, !!rest.rowSelection) }}
        onRow={(record) =>
          ({
            'data-testid': rowTestId,
            onClick: onRowClick ? () => onRowClick(record) : undefined,
            style: onRowClick ? { cursor: 'pointer' } : undefined,
          }) as HTMLAttributes<HTMLElement>
        }
        pagination={
          paged
            ? {
                current: page,
                pageSize,
                total,
                showSizeChanger: true,
                pageSizeOptions: [10, 20, 50, 100],
                showTotal,
              }
            : false
        }
        {...rest}
        columns={columns}
      />
    </>
  );
}

/** antd sortOrder value for a column given the current sort state. */
export function sortOrderOf(column: string, sort?: string, order?: SortOrder): 'ascend' | 'descend' | null {
  if (sort !== column) return null;
  return order === 'asc' ? 'ascend' : 'descend';
}
