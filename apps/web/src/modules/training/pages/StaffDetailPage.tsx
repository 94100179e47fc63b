import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDate, formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useStaff, useTrainingCommand } from '../api';
import { AgreementModal } from '../components/AgreementModal';
import { CertificateModal } from '../components/CertificateModal';
import { OnboardingTag } from '../components/OnboardingTag';
import { ATTENDANCE_COLORS } from '../constants';
import type { Certificate, HistoryRow } from '../types';

/** One person's staff record: onboarding, the confidentiality agreement, certificates, training history. */
export function StaffDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const query = useStaff(id);
  const command = useTrainingCommand();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const [modal, setModal] = useState<{ kind: 'agreement' } | { kind: 'certificate'; cert?: Certificate } | null>(null);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const p = query.data;
  const f = (k: string) => t(`training.fields.${k}`);
  const run = async (args: Parameters<typeof command.mutateAsync>[0], done: string) => {
    try {
      await command.mutateAsync(args);
      message.success(t(done));
    } catch (err) {
      handleError(err);
    }
  };
  return (
    <Card>
      <PageHeader
        title={p.name}
        subTitle={
          p.managerName ? t('training.deptAndManager', { dept: p.deptName, manager: p.managerName }) : p.deptName
        }
        tags={<OnboardingTag status={p.onboardingStatus} dueOn={p.onboardingDueOn} />}
        onBack={() => navigate('/training/staff')}
      />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card
          type="inner"
          title={t('training.onboardingTitle')}
          extra={
            p.canManage && p.onboardingStatus !== 'in_training' ? (
              <Popconfirm
                title={t('training.startOnboardingConfirm')}
                onConfirm={() =>
                  run(
                    { path: `/training/staff/${id}/onboarding`, body: { version: p.version } },
                    'training.onboardingStarted',
                  )
                }
              >
                <Button size="small" data-testid="onboarding-start">
                  {t('training.startOnboarding')}
                </Button>
              </Popconfirm>
            ) : null
          }
        >
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={f('startedOn')}>{formatDate(p.onboardingStartedOn) || '-'}</Descriptions.Item>
            <Descriptions.Item label={f('dueOn')}>{formatDate(p.onboardingDueOn) || '-'}</Descriptions.Item>
            <Descriptions.Item label={f('passedOn')}>{formatDate(p.onboardingPassedOn) || '-'}</Descriptions.Item>
          </Descriptions>
          {p.onboardingStatus === 'in_training' ? (
            <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('training.notActive')} />
          ) : null}
        </Card>
        <Card
          type="inner"
          title={f('agreement')}
          extra={
            p.canManage ? (
              <Button size="small" onClick={() => setModal({ kind: 'agreement' })} data-testid="agreement-record">
                {t('training.recordAgreement')}
              </Button>
            ) : null
          }
        >
          {p.agreementSignedOn ? (
            <Space wrap>
              <span data-testid="agreement-signed">
                {t('training.signedOn', { date: formatDate(p.agreementSignedOn) })}
              </span>
              {p.agreementFiles.map((file) => (
                <a key={file.id} href={`/api/attachments/${file.id}`} target="_blank" rel="noreferrer">
                  {file.fileName}
                </a>
              ))}
            </Space>
          ) : (
            <Tag color="error">{t('training.issue.agreement_missing')}</Tag>
          )}
        </Card>
        <Card
          type="inner"
          title={f('certificates')}
          extra={
            p.canManage ? (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => setModal({ kind: 'certificate' })}
                data-testid="certificate-add"
              >
                {t('training.addCertificate')}
              </Button>
            ) : null
          }
        >
          <Table<Certificate>
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={p.certificates}
            data-testid="certificates-table"
            locale={{ emptyText: t('training.issue.certificate_missing') }}
            columns={[
              { title: f('certName'), dataIndex: 'name' },
              { title: f('certNumber'), dataIndex: 'number' },
              { title: f('issuedOn'), dataIndex: 'issuedOn', render: (v: string) => formatDate(v) },
              {
                title: f('expiresOn'),
                dataIndex: 'expiresOn',
                render: (v: string | null) => (v ? formatDate(v) : t('training.noExpiry')),
              },
              {
                title: f('status'),
                dataIndex: 'state',
                render: (v: string) => (
                  <StatusTag dict="training.certState" value={v} colors={{ valid: 'success', expired: 'error' }} />
                ),
              },
              ...(p.canManage
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      render: (_: unknown, c: Certificate) => (
                        <Space>
                          <Button size="small" type="link" onClick={() => setModal({ kind: 'certificate', cert: c })}>
                            {t('common.edit')}
                          </Button>
                          <Popconfirm
                            title={t('training.deleteCertificateConfirm')}
                            onConfirm={() =>
                              run(
                                {
                                  path: `/training/certificates/${c.id}`,
                                  method: 'DELETE',
                                  query: { version: c.version },
                                },
                                'training.deleted',
                              )
                            }
                          >
                            <Button size="small" type="link" danger>
                              {t('common.delete')}
                            </Button>
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <Card type="inner" title={t('training.history')}>
          <Table<HistoryRow>
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={p.history}
            data-testid="history-table"
            locale={{ emptyText: t('training.noHistory') }}
            columns={[
              {
                title: f('topic'),
                dataIndex: 'topic',
                render: (v: string, r) => <Link to={`/training/sessions/${r.sessionId}`}>{v}</Link>,
              },
              { title: f('kind'), dataIndex: 'kind', render: (v: string) => t(`training.kind.${v}`) },
              { title: f('time'), dataIndex: 'startsAt', render: (v: string) => formatDateTime(v) },
              {
                title: f('attendance'),
                dataIndex: 'status',
                render: (v: string) => <StatusTag dict="training.attendance" value={v} colors={ATTENDANCE_COLORS} />,
              },
              { title: f('score'), dataIndex: 'score', align: 'right', render: (v: string | null) => v ?? '-' },
              {
                title: f('result'),
                dataIndex: 'passed',
                render: (v: boolean | null) =>
                  v === null ? (
                    '-'
                  ) : (
                    <StatusTag
                      dict="training.pass"
                      value={v ? 'passed' : 'failed'}
                      colors={{ passed: 'success', failed: 'error' }}
                    />
                  ),
              },
            ]}
          />
        </Card>
      </Space>
      {modal?.kind === 'agreement' && <AgreementModal person={p} onClose={() => setModal(null)} />}
      {modal?.kind === 'certificate' && (
        <CertificateModal userId={id} certificate={modal.cert} onClose={() => setModal(null)} />
      )}
    </Card>
  );
}
