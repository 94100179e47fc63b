import { Alert, Button, Card, Descriptions, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { formatDate, formatDateTime } from '../../../components/format';
import { HistoryList } from '../../../components/HistoryList';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useCapa } from '../api';
import { type CapaStep, CapaStepModal } from '../components/CapaStepModal';
import { CAPA_STATUS_COLORS, QUALITY_VIEW, SEVERITY_COLORS } from '../constants';
import type { CapaDetail } from '../types';

function Facts({ c }: { c: CapaDetail }) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const f = (k: string) => t(`quality.fields.${k}`);
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={f('audit')} span={2}>
        {hasPermission(QUALITY_VIEW) ? (
          <Link to={`/quality/audits/${c.auditId}`}>{`${c.auditNo} ${c.auditTitle}`}</Link>
        ) : (
          `${c.auditNo} ${c.auditTitle}`
        )}
      </Descriptions.Item>
      <Descriptions.Item label={f('finding')} span={2}>
        <Space direction="vertical" size={2}>
          <Space size={4} wrap>
            <span>{t('quality.findingNo', { seq: c.findingSeq })}</span>
            <StatusTag dict="quality.severity" value={c.findingSeverity} colors={SEVERITY_COLORS} />
            {c.findingClause && <span>{t('quality.clauseOf', { clause: c.findingClause })}</span>}
          </Space>
          <span style={{ whiteSpace: 'pre-wrap' }}>{c.findingText}</span>
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={f('capaKind')}>{t(`quality.capaKind.${c.kind}`)}</Descriptions.Item>
      <Descriptions.Item label={f('owner')}>{`${c.ownerName}（${c.deptName}）`}</Descriptions.Item>
      <Descriptions.Item label={f('rootCause')} span={2}>
        {c.rootCause || '-'}
      </Descriptions.Item>
      <Descriptions.Item label={f('action')} span={2}>
        <div style={{ whiteSpace: 'pre-wrap' }}>{c.action}</div>
      </Descriptions.Item>
      <Descriptions.Item label={f('dueDate')}>
        <Space size={4}>
          {formatDate(c.dueDate)}
          {c.overdue && <Tag color="red">{t('quality.overdue')}</Tag>}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={f('implementedAt')}>{formatDateTime(c.implementedAt)}</Descriptions.Item>
      <Descriptions.Item label={f('implementationNote')} span={2}>
        <div style={{ whiteSpace: 'pre-wrap' }}>{c.implementationNote || '-'}</div>
      </Descriptions.Item>
      {c.status === 'closed' && (
        <>
          <Descriptions.Item label={f('verifier')}>{c.verifierName}</Descriptions.Item>
          <Descriptions.Item label={f('closedAt')}>{formatDateTime(c.closedAt)}</Descriptions.Item>
          <Descriptions.Item label={f('verificationNote')} span={2}>
            {c.verificationNote}
          </Descriptions.Item>
        </>
      )}
    </Descriptions>
  );
}

/** One corrective/preventive action: what and why, the owner's implementation, the verification, the history. */
export function CapaDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const query = useCapa(id);
  const [step, setStep] = useState<CapaStep | null>(null);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  return (
    <Card>
      <PageHeader
        title={c.no}
        tags={
          <Space size={4}>
            <StatusTag dict="quality.capaStatus" value={c.status} colors={CAPA_STATUS_COLORS} testId="capa-status" />
            {c.overdue && <Tag color="red">{t('quality.overdue')}</Tag>}
          </Space>
        }
        onBack={() => navigate('/quality/capas')}
        extra={
          <Space wrap>
            {c.canImplement && (
              <Button type="primary" onClick={() => setStep('implement')} data-testid="capa-implement">
                {t('quality.steps.implement')}
              </Button>
            )}
            {c.canVerify && (
              <Button type="primary" onClick={() => setStep('verify')} data-testid="capa-verify">
                {t('quality.steps.verify')}
              </Button>
            )}
            {c.canVerify && (
              <Button danger onClick={() => setStep('reject')} data-testid="capa-reject">
                {t('quality.steps.reject')}
              </Button>
            )}
            {c.canChangeDue && (
              <Button onClick={() => setStep('due')} data-testid="capa-due">
                {t('quality.steps.due')}
              </Button>
            )}
          </Space>
        }
      />
      {c.overdue && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={t('quality.overdueHint')} />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Facts c={c} />
        <HistoryList title={t('quality.history')} entries={c.history} actionDict="quality.capaAction" />
      </Space>
      {step && <CapaStepModal capa={c} step={step} onClose={() => setStep(null)} />}
    </Card>
  );
}
