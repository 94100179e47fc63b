import { App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DetailTabs } from '../../../components/DetailTabs';
import { formatDate, formatDateTime } from '../../../components/format';
import { HistoryList } from '../../../components/HistoryList';
import { PageHeader } from '../../../components/PageHeader';
import { useDocument, useQualityCommand } from '../api';
import { DocumentModal, type DocumentStep } from '../components/DocumentModals';
import type { DocumentCopy, DocumentDetail, DocumentVersion } from '../types';

function Versions({ d }: { d: DocumentDetail }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`quality.fields.${k}`);
  return (
    <Table<DocumentVersion>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={d.versions}
      data-testid="document-versions"
      columns={[
        { title: f('versionLabel'), dataIndex: 'label' },
        { title: f('changeNo'), dataIndex: 'changeNo', align: 'right' },
        { title: f('effectiveDate'), dataIndex: 'effectiveDate', render: (v: string) => formatDate(v) },
        {
          title: f('versionStatus'),
          dataIndex: 'status',
          render: (v: string) => (
            <Tag color={v === 'current' ? 'green' : 'default'}>{t(`quality.versionStatus.${v}`)}</Tag>
          ),
        },
        { title: f('changeSummary'), dataIndex: 'changeSummary', render: (v: string | null) => v || '-' },
        { title: f('issuedBy'), dataIndex: 'issuedByName' },
        { title: f('supersededAt'), dataIndex: 'supersededAt', render: (v: string | null) => formatDateTime(v) },
      ]}
    />
  );
}

function Copies({ d }: { d: DocumentDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const command = useQualityCommand();
  const f = (k: string) => t(`quality.fields.${k}`);
  const withdraw = async (c: DocumentCopy) => {
    try {
      await command.mutateAsync({ path: `/document-distributions/${c.id}/withdraw`, body: {} });
      message.success(t('quality.withdrawn'));
    } catch (e) {
      handleError(e);
    }
  };
  const state = (c: DocumentCopy) => {
    if (c.withdrawnAt) return <Tag>{t(c.replaced ? 'quality.copyState.replaced' : 'quality.copyState.withdrawn')}</Tag>;
    if (c.versionStatus === 'superseded') return <Tag color="orange">{t('quality.copyState.outdated')}</Tag>;
    return <Tag color="green">{t('quality.copyState.held')}</Tag>;
  };
  return (
    <Table<DocumentCopy>
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={d.copies}
      data-testid="document-copies"
      columns={[
        { title: f('copyNo'), dataIndex: 'copyNo' },
        { title: f('holder'), dataIndex: 'holderName' },
        { title: f('versionLabel'), dataIndex: 'versionLabel' },
        { title: f('issuedAt'), dataIndex: 'issuedAt', render: (v: string) => formatDateTime(v) },
        { title: f('copyState'), key: 'state', render: (_: unknown, c) => state(c) },
        { title: f('withdrawnAt'), dataIndex: 'withdrawnAt', render: (v: string | null) => formatDateTime(v) },
        ...(d.canManage
          ? [
              {
                title: '',
                key: 'op',
                render: (_: unknown, c: DocumentCopy) =>
                  c.withdrawnAt ? null : (
                    <Popconfirm title={t('quality.withdrawConfirm')} onConfirm={() => void withdraw(c)}>
                      <Button size="small" data-testid={`copy-withdraw-${c.copyNo}`}>
                        {t('quality.withdraw')}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** One controlled document: the register entry, every version (history kept), every copy and who holds it. */
export function DocumentDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const query = useDocument(id);
  const [step, setStep] = useState<DocumentStep | null>(null);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const f = (k: string) => t(`quality.fields.${k}`);
  const current = d.versions.find((v) => v.status === 'current');
  return (
    <Card>
      <PageHeader
        title={d.title}
        subTitle={d.code}
        tags={<Tag color="green">{d.currentLabel}</Tag>}
        onBack={() => navigate('/quality/documents')}
        extra={
          d.canManage ? (
            <Space wrap>
              <Button onClick={() => setStep('edit')} data-testid="document-edit">
                {t('quality.docSteps.edit')}
              </Button>
              <Button onClick={() => setStep('distribute')} data-testid="document-distribute">
                {t('quality.docSteps.distribute')}
              </Button>
              <Button type="primary" onClick={() => setStep('version')} data-testid="document-version">
                {t('quality.docSteps.version')}
              </Button>
            </Space>
          ) : null
        }
      />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={f('docKind')}>{t(`quality.docKind.${d.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={f('ownerDept')}>{d.deptName ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={f('currentVersion')}>{d.currentLabel ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={f('effectiveDate')}>{formatDate(current?.effectiveDate)}</Descriptions.Item>
      </Descriptions>
      <DetailTabs
        activeKey={search.get('tab') ?? 'versions'}
        onChange={(k) => setSearch({ tab: k }, { replace: true })}
        items={[
          { key: 'versions', label: t('quality.tabs.versions'), children: <Versions d={d} /> },
          { key: 'copies', label: t('quality.tabs.copies'), children: <Copies d={d} /> },
          {
            key: 'history',
            label: t('quality.tabs.history'),
            children: <HistoryList title={t('quality.history')} entries={d.history} actionDict="quality.docAction" />,
          },
        ]}
      />
      {step && <DocumentModal step={step} doc={d} onClose={() => setStep(null)} />}
    </Card>
  );
}
