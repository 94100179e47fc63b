import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, TreeSelect } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDownload, type QueryParams } from '../../../app/api';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import type { ReportPath } from '../api';
import type { Dept } from '../types';

interface Props {
  path: ReportPath;
  /** The period picker of the report. */
  period: ReactNode;
  departments: Dept[] | undefined;
  departmentId: number | undefined;
  onDepartment: (id: number | undefined) => void;
  /** The query the page shows, sent unchanged to the PDF and xlsx. */
  query: QueryParams;
}

type Node = { value: number; title: string; children: Node[] };

/** Period picker, department picker within scope, PDF and xlsx (SPEC 5.1: each report prints and exports). */
export function ReportToolbar({ path, period, departments, departmentId, onDepartment, query }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null);
  const tree = useMemo(() => {
    const ds = departments ?? [];
    const ids = new Set(ds.map((d) => d.id));
    const nodes = new Map<number, Node>(ds.map((d) => [d.id, { value: d.id, title: d.name, children: [] }]));
    const roots: Node[] = [];
    for (const d of ds) {
      const n = nodes.get(d.id) as Node;
      if (d.parentId !== null && ids.has(d.parentId)) nodes.get(d.parentId)?.children.push(n);
      else roots.push(n);
    }
    return roots;
  }, [departments]);
  const download = async (format: 'pdf' | 'xlsx') => {
    setBusy(format);
    try {
      await apiDownload(`/api/reports/${path}.${format}`, query, `report.${format}`);
      message.success(t('report.downloaded'));
    } catch (e) {
      handleError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      {period}
      {tree.length ? (
        <TreeSelect
          data-testid="report-department"
          style={{ minWidth: 160 }}
          allowClear
          treeDefaultExpandAll
          placeholder={t('report.allDepartments')}
          treeData={tree}
          value={departmentId}
          onChange={(v) => onDepartment(v === undefined || v === null ? undefined : Number(v))}
        />
      ) : null}
      <Button
        icon={<FilePdfOutlined />}
        loading={busy === 'pdf'}
        onClick={() => void download('pdf')}
        data-testid="report-pdf"
      >
        {t('report.pdf')}
      </Button>
      <Button
        icon={<DownloadOutlined />}
        loading={busy === 'xlsx'}
        onClick={() => void download('xlsx')}
        data-testid="report-xlsx"
      >
        {t('report.xlsx')}
      </Button>
    </>
  );
}
