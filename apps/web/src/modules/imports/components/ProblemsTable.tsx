import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import { useImportProblems } from '../api';
import type { ImportProblem, ImportTemplate } from '../types';

/** The dry run's problems, by row, column and reason, a page at a time. */
export function ProblemsTable({ kind, jobId }: { kind: ImportTemplate; jobId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isFetching } = useImportProblems(kind, jobId, page, pageSize, true);
  return (
    <DataTable<ImportProblem>
      rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
      items={data?.items}
      total={data?.total}
      page={page}
      pageSize={pageSize}
      loading={isFetching}
      onPageChange={(p, s) => {
        setPage(p);
        setPageSize(s);
      }}
      rowTestId="import-problem"
      columns={[
        { title: t('imports.row'), dataIndex: 'row', key: 'row', width: 80 },
        { title: t('imports.column'), dataIndex: 'column', key: 'column', width: 180 },
        { title: t('imports.reason'), dataIndex: 'message', key: 'message' },
      ]}
    />
  );
}
