import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Grid, List, Pagination, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiDownload, type QueryParams } from '../../../app/api';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime, orDash } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { type AccessLogFilters, type AccessLogRow, useAccessLog } from '../accessLogApi';
import { AccessLogFilterBar } from '../components/AccessLogFilterBar';

/**
 * 个人信息查看记录 (PIPL): every unmasked view of personal data — who, which records, which fields,
 * when and on which screen — for the administrator or personal-information officer.
 */
export function AccessLogPage() {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [filters, setFilters] = useState<AccessLogFilters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [exporting, setExporting] = useState(false);
  const query = useAccessLog({ ...filters, page, pageSize });
  // Below md a row is a card: nothing scrolls sideways on a phone.
  const phone = !Grid.useBreakpoint().md;
  const label = (prefix: string, key: string) =>
    t(`accessLog.${prefix}.${key}`, { defaultValue: t(`accessLog.${prefix}.other`) });

  const columns: ColumnsType<AccessLogRow> = [
    { title: t('accessLog.fields.at'), dataIndex: 'at', width: 170, render: formatDateTime },
    {
      title: t('accessLog.fields.user'),
      dataIndex: 'userName',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span>{orDash(r.userName)}</span>
          <Typography.Text type="secondary">{orDash(r.deptName)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('accessLog.fields.entityType'), dataIndex: 'entityType', render: (v: string) => label('entity', v) },
    {
      title: t('accessLog.fields.record'),
      dataIndex: 'records',
      render: (_, r) => (
        <Space direction="vertical" size={0} data-testid="al-records">
          {r.records.map((x) => (
            <span key={x.id}>{x.label ?? t('accessLog.removedRecord')}</span>
          ))}
          {r.recordCount > r.records.length && (
            <Typography.Text type="secondary">
              {t('accessLog.moreRecords', { count: r.recordCount - r.records.length })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('accessLog.fields.fields'),
      dataIndex: 'fields',
      render: (fields: string[]) => (
        <Space size={[0, 4]} wrap>
          {fields.map((f) => (
            <Tag key={f}>{label('field', f)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('accessLog.fields.purpose'),
      dataIndex: 'purpose',
      render: (v: string) => label('purpose', v.replace('.', '_')),
    },
  ];

  const onExport = async () => {
    setExporting(true);
    try {
      await apiDownload('/api/access-log/export', filters as QueryParams, 'access-log.xlsx');
    } catch (e) {
      handleError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card>
      <PageHeader
        title={t('menu.accessLog')}
        subTitle={t('accessLog.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport} data-testid="al-export">
            {t('common.export')}
          </Button>
        }
      />
      <AccessLogFilterBar
        entityTypes={query.data?.entityTypes ?? []}
        onSearch={(f) => {
          setPage(1);
          setFilters(f);
        }}
      />
      {query.isError && !query.data ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : phone ? (
        <>
          <List
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            renderItem={(r) => (
              <Card size="small" style={{ marginBottom: 8 }} data-testid="al-row">
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Typography.Text strong>
                    {orDash(r.userName)}
                    {r.deptName ? ` · ${r.deptName}` : ''}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {formatDateTime(r.at)} · {label('purpose', r.purpose.replace('.', '_'))}
                  </Typography.Text>
                  <span>
                    {label('entity', r.entityType)}：
                    {r.records.map((x) => x.label ?? t('accessLog.removedRecord')).join('；')}
                    {r.recordCount > r.records.length ? ` ${t('accessLog.moreRecords', { count: r.recordCount })}` : ''}
                  </span>
                  <Space size={[0, 4]} wrap>
                    {r.fields.map((f) => (
                      <Tag key={f}>{label('field', f)}</Tag>
                    ))}
                  </Space>
                </Space>
              </Card>
            )}
          />
          <Pagination
            size="small"
            simple
            current={page}
            pageSize={pageSize}
            total={query.data?.total ?? 0}
            onChange={(p) => setPage(p)}
          />
        </>
      ) : (
        <DataTable<AccessLogRow>
          rowTestId="al-row"
          columns={columns}
          items={query.data?.items}
          total={query.data?.total ?? 0}
          totalCapped={query.data?.totalCapped}
          page={page}
          pageSize={pageSize}
          loading={query.isFetching}
          onPageChange={(p, ps) => {
            setPage(p);
            setPageSize(ps);
          }}
        />
      )}
    </Card>
  );
}
