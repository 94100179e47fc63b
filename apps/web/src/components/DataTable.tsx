import { Table, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList } from './CardList';
import { useIsMobile } from './useIsMobile';

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
  rowKey = 'id',
  ...rest
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const paged = total !== undefined && page !== undefined && pageSize !== undefined;
  const showTotal = (n: number) => (
    <span data-testid="table-total">
      {totalCapped ? t('common.totalCapped', { total: n }) : t('common.total', { total: n })}
    </span>
  );

  // On a phone a table would scroll sideways: each row becomes a card of its key fields.
  if (mobile && rest.columns) {
    return (
      <CardList<T>
        items={items}
        columns={rest.columns}
        rowKey={rowKey}
        loading={rest.loading}
        rowTestId={rowTestId}
        onRowClick={onRowClick}
        pagination={
          paged
            ? { current: page, pageSize, total, showTotal, onChange: (p, size) => onPageChange?.(p, size) }
            : undefined
        }
      />
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

  return (
    <Table<T>
      rowKey={rowKey}
      dataSource={items}
      onChange={onChange}
      scroll={{ x: 'max-content' }}
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
    />
  );
}

/** antd sortOrder value for a column given the current sort state. */
export function sortOrderOf(column: string, sort?: string, order?: SortOrder): 'ascend' | 'descend' | null {
  if (sort !== column) return null;
  return order === 'asc' ? 'ascend' : 'descend';
}
