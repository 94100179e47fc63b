import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDate } from '../../../components/format';
import { HistoryList } from '../../../components/HistoryList';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useAudit, useQualityCommand } from '../api';
import { AuditFormModal } from '../components/AuditFormModal';
import { type AuditStep, AuditStepModal } from '../components/AuditModals';
import { AUDIT_STATUS_COLORS, CAPA_STATUS_COLORS, SEVERITY_COLORS } from '../constants';
import type { AuditDetail, Finding } from '../types';

function FindingCard({ finding, canAdd, onAdd }: { finding: Finding; canAdd: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={`finding-${finding.seq}`}
      title={
        <Space wrap size={4}>
          <span>{t('quality.findingNo', { seq: finding.seq })}</span>
          <StatusTag dict="quality.severity" value={finding.severity} colors={SEVERITY_COLORS} />
          {finding.clause && (
            <Typography.Text type="secondary">{t('quality.clauseOf', { clause: finding.clause })}</Typography.Text>
          )}
        </Space>
      }
      extra={
        canAdd ? (
          <Button size="small" icon={<PlusOutlined />} onClick={onAdd} data-testid={`finding-${finding.seq}-capa`}>
            {t('quality.newCapa')}
          </Button>
        ) : null
      }
    >
      <p style={{ whiteSpace: 'pre-wrap', marginTop: 0 }}>{finding.description}</p>
      <List
        size="small"
        locale={{ emptyText: t('quality.noCapa') }}
        dataSource={finding.capas}
        renderItem={(c) => (
          <List.Item>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap size={4}>
                <Link to={`/quality/capas/${c.id}`}>{c.no}</Link>
                <Tag>{t(`quality.capaKind.${c.kind}`)}</Tag>
                <StatusTag dict="quality.capaStatus" value={c.status} colors={CAPA_STATUS_COLORS} />
                {c.overdue && <Tag color="red">{t('quality.overdue')}</Tag>}
              </Space>
              <span>{c.action}</span>
              <Typography.Text type="secondary">
                {t('quality.ownerDue', { owner: c.ownerName, due: formatDate(c.dueDate) })}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function Facts({ a }: { a: AuditDetail }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`quality.fields.${k}`);
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={f('auditDate')}>{formatDate(a.auditDate)}</Descriptions.Item>
      <Descriptions.Item label={f('auditedDept')}>{a.deptName}</Descriptions.Item>
      <Descriptions.Item label={f('leadAuditor')}>{a.leadAuditorName}</Descriptions.Item>
      <Descriptions.Item label={f('auditors')}>{a.auditors || '-'}</Descriptions.Item>
      <Descriptions.Item label={f('scope')} span={2}>
        <div style={{ whiteSpace: 'pre-wrap' }}>{a.scope}</div>
      </Descriptions.Item>
      {a.conclusion && (
        <Descriptions.Item label={f('conclusion')} span={2}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{a.conclusion}</div>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** One internal audit: the plan, the findings with their corrective/preventive actions, the report, closing. */
export function AuditDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const query = useAudit(id);
  const command = useQualityCommand();
  const [editing, setEditing] = useState(false);
  const [step, setStep] = useState<AuditStep | null>(null);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const manage = a.canManage;
  const open = a.status !== 'closed';
  const close = () =>
    modal.confirm({
      title: t('quality.closeAuditConfirm'),
      okText: t('quality.steps.close'),
      onOk: async () => {
        try {
          await command.mutateAsync({ path: `/internal-audits/${id}/close`, body: { version: a.version } });
          message.success(t('quality.closed'));
        } catch (e) {
          handleError(e);
        }
      },
    });
  return (
    <Card>
      <PageHeader
        title={a.title}
        subTitle={a.no}
        tags={
          <StatusTag dict="quality.auditStatus" value={a.status} colors={AUDIT_STATUS_COLORS} testId="audit-status" />
        }
        onBack={() => navigate('/quality/audits')}
        extra={
          manage ? (
            <Space wrap>
              {a.status === 'planned' && (
                <Button onClick={() => setEditing(true)} data-testid="audit-edit">
                  {t('quality.editAudit')}
                </Button>
              )}
              {open && (
                <Button onClick={() => setStep({ kind: 'finding' })} data-testid="audit-add-finding">
                  {t('quality.steps.finding')}
                </Button>
              )}
              {a.status === 'planned' && (
                <Button type="primary" onClick={() => setStep({ kind: 'report' })} data-testid="audit-report">
                  {t('quality.steps.report')}
                </Button>
              )}
              {a.status === 'reported' && (
                <Button type="primary" onClick={close} data-testid="audit-close">
                  {t('quality.steps.close')}
                </Button>
              )}
            </Space>
          ) : null
        }
      />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Facts a={a} />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('quality.findings')}
        </Typography.Title>
        {a.findings.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('quality.noFindings')} />
        ) : (
          a.findings.map((fd) => (
            <FindingCard
              key={fd.id}
              finding={fd}
              canAdd={manage && open}
              onAdd={() => setStep({ kind: 'capa', finding: fd })}
            />
          ))
        )}
        <HistoryList title={t('quality.history')} entries={a.history} actionDict="quality.auditAction" />
      </Space>
      {editing && <AuditFormModal audit={a} onClose={() => setEditing(false)} />}
      {step && <AuditStepModal audit={a} step={step} onClose={() => setStep(null)} />}
    </Card>
  );
}
