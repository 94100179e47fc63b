import { Alert, Button, Card, Descriptions, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { formatDate, formatDateTime } from '../../../components/format';
import { HistoryList } from '../../../components/HistoryList';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useDisciplineRecord } from '../api';
import { DecisionModal } from '../components/DecisionModals';
import { DisciplineFormModal } from '../components/DisciplineFormModal';
import { LevelExplanation } from '../components/LevelExplanation';
import { KIND_COLORS, LEVEL_COLORS, STATUS_COLORS } from '../constants';
import type { DisciplineDetail } from '../types';

function Facts({ r }: { r: DisciplineDetail }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`discipline.fields.${k}`);
  const incident = r.kind === 'incident';
  const decided = r.outcome !== null;
  const money = (v: string) => <MoneyText value={v} />;
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="discipline-facts">
      <Descriptions.Item label={f('person')}>{`${r.personName}（${r.deptName}）`}</Descriptions.Item>
      <Descriptions.Item label={f('occurredOn')}>{formatDate(r.occurredOn)}</Descriptions.Item>
      <Descriptions.Item label={f(incident ? 'rule' : 'reason')} span={2}>
        {r.rule}
      </Descriptions.Item>
      <Descriptions.Item label={f('description')} span={2}>
        <div style={{ whiteSpace: 'pre-wrap' }}>{r.description}</div>
      </Descriptions.Item>
      {incident && <Descriptions.Item label={f('lossAmount')}>{money(r.lossAmount)}</Descriptions.Item>}
      {incident && (
        <Descriptions.Item label={f('level')}>
          <StatusTag dict="discipline.level" value={r.level} colors={LEVEL_COLORS} testId="discipline-level" />
        </Descriptions.Item>
      )}
      {incident && r.levelBasis && r.repeatCount !== null && (
        <Descriptions.Item label={f('levelBasis')} span={2}>
          <LevelExplanation repeatCount={r.repeatCount} basis={r.levelBasis} />
        </Descriptions.Item>
      )}
      {decided && (
        <Descriptions.Item label={f('outcome')} span={2}>
          <span data-testid="discipline-outcome">{t(`discipline.outcome.${r.outcome}`)}</span>
        </Descriptions.Item>
      )}
      {decided && incident && (
        <Descriptions.Item label={f('compensationAmount')}>{money(r.compensationAmount)}</Descriptions.Item>
      )}
      {decided && incident && (
        <Descriptions.Item label={f('contributionAmount')}>{money(r.contributionAmount)}</Descriptions.Item>
      )}
      {decided && incident && <Descriptions.Item label={f('fineAmount')}>{money(r.fineAmount)}</Descriptions.Item>}
      {decided && !incident && <Descriptions.Item label={f('rewardAmount')}>{money(r.rewardAmount)}</Descriptions.Item>}
      {r.decision && (
        <Descriptions.Item label={f('decision')} span={2}>
          {r.decision}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={f('recordedBy')}>{r.recordedByName}</Descriptions.Item>
      <Descriptions.Item label={f('decidedBy')}>
        {r.decidedByName ? `${r.decidedByName} ${formatDateTime(r.decidedAt)}` : '-'}
      </Descriptions.Item>
      {r.acknowledgedAt && (
        <Descriptions.Item label={f('acknowledgedAt')}>{formatDateTime(r.acknowledgedAt)}</Descriptions.Item>
      )}
      {r.acknowledgedAt && (
        <Descriptions.Item label={f('acknowledgeComment')}>{r.acknowledgeComment || '-'}</Descriptions.Item>
      )}
      {r.voidReason && (
        <Descriptions.Item label={f('voidReason')} span={2}>
          {r.voidReason}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** One discipline record: the facts, the level and why, the decision, the acknowledgement, the history. */
export function DisciplineDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const query = useDisciplineRecord(id);
  const [editing, setEditing] = useState(false);
  const [step, setStep] = useState<'decide' | 'acknowledge' | 'void' | null>(null);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const draft = r.status === 'draft';
  return (
    <Card>
      <PageHeader
        title={r.no}
        subTitle={`${r.personName} · ${r.rule}`}
        tags={
          <Space size={4}>
            <StatusTag dict="discipline.kind" value={r.kind} colors={KIND_COLORS} />
            <StatusTag dict="discipline.status" value={r.status} colors={STATUS_COLORS} testId="discipline-status" />
          </Space>
        }
        onBack={() => navigate('/discipline')}
        extra={
          <Space wrap>
            {r.canRecord && draft && (
              <Button onClick={() => setEditing(true)} data-testid="discipline-edit">
                {t('discipline.edit')}
              </Button>
            )}
            {r.canRecord && draft && (
              <Button type="primary" onClick={() => setStep('decide')} data-testid="discipline-decide">
                {t('discipline.steps.decide')}
              </Button>
            )}
            {r.canAcknowledge && (
              <Button type="primary" onClick={() => setStep('acknowledge')} data-testid="discipline-acknowledge">
                {t('discipline.steps.acknowledge')}
              </Button>
            )}
            {r.canRecord && r.status !== 'void' && (
              <Button danger onClick={() => setStep('void')} data-testid="discipline-void">
                {t('discipline.steps.void')}
              </Button>
            )}
          </Space>
        }
      />
      {r.canAcknowledge && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('discipline.awaitingYou')} />
      )}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Facts r={r} />
        <HistoryList title={t('discipline.history')} entries={r.history} actionDict="discipline.action" />
      </Space>
      {editing && <DisciplineFormModal record={r} onClose={() => setEditing(false)} />}
      {step && <DecisionModal step={step} record={r} onClose={() => setStep(null)} />}
    </Card>
  );
}
