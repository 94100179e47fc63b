import { Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { useImportList } from '../api';
import type { ImportJobSummary, ImportTemplate } from '../types';

export const STATUS_COLORS: Record<string, string> = {
  analysing: 'processing',
  mapping: 'default',
  validating: 'processing',
  validated: 'success',
  invalid: 'error',
  committing: 'processing',
  committed: 'success',
  failed: 'error',
};

/** The user's own imports of a kind, newest first; a row reopens that import. */
export function ImportHistory({ kind, onOpen }: { kind: ImportTemplate; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, isFetching } = useImportList(kind, page);
  const total = (page - 1) * 10 + (data?.items.length ?? 0) + (data?.hasMore ? 1 : 0);
  return (
    <DataTable<ImportJobSummary>
      items={data?.items}
      total={total}
      page={page}
      pageSize={10}
      loading={isFetching}
      onPageChange={(p) => setPage(p)}
      onRowClick={(r) => onOpen(r.id)}
      rowTestId="import-history-row"
      columns={[
        { title: t('imports.fileName'), dataIndex: 'fileName', key: 'fileName', ellipsis: true, width: 260 },
        {
          title: t('imports.statusLabel'),
          dataIndex: 'status',
          key: 'status',
          width: 110,
          render: (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`imports.status.${s}`)}</Tag>,
        },
        {
          title: t('imports.rows'),
          dataIndex: 'totalRows',
          key: 'totalRows',
          width: 100,
          render: (n: number) => n.toLocaleString(),
        },
        {
          title: t('imports.created'),
          dataIndex: 'createdCount',
          key: 'createdCount',
          width: 100,
          render: (n: number) => n.toLocaleString(),
        },
        {
          title: t('imports.uploadedAt'),
          dataIndex: 'createdAt',
          key: 'createdAt',
          width: 170,
          render: (v: string) => formatDateTime(v),
        },
      ]}
    />
  );
}
