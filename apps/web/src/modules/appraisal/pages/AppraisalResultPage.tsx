import { TrophyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { formatDateTime } from '../../../components/format';
import { HistoryList } from '../../../components/HistoryList';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useAppraisalResult, useObjectionApprovals } from '../api';
import { BonusRuleText, BonusText } from '../components/AwardsAndBonus';
import { EvidenceItems } from '../components/EvidenceItems';
import { ReviewModal, type ReviewStep } from '../components/ReviewModal';
import { periodParts, RESULT_STATUS_COLORS } from '../constants';

const signed = (p: string) => (p.startsWith('-') ? p : `+${p}`);

/**
 * The objection's approval chain (考核申诉) with its history: the latest instance, so an approver can
 * act here as in the inbox and the person sees where it stands (or withdraws it).
 */
function ObjectionApproval({ resultId }: { resultId: number }) {
  const { t } = useTranslation();
  const query = useObjectionApprovals(resultId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const instance = query.data.items.at(-1);
  if (!instance) return null;
  return (
    <Card size="small" title={t('appraisal.objectionApproval')} data-testid="appraisal-objection-approval">
      <ApprovalPanel instance={instance} />
    </Card>
  );
}

/** One person's result: the score, each item with its evidence, acknowledgement / objection, the history. */
export function AppraisalResultPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const query = useAppraisalResult(id);
  const [step, setStep] = useState<ReviewStep | null>(null);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const f = (k: string) => t(`appraisal.fields.${k}`);
  return (
    <Card>
      <PageHeader
        title={t('appraisal.resultTitle', { name: r.personName, ...periodParts(r.period) })}
        subTitle={r.deptName}
        tags={
          <Space size={4} wrap>
            <StatusTag
              dict="appraisal.status"
              value={r.status}
              colors={RESULT_STATUS_COLORS}
              testId="appraisal-status"
            />
            {r.champion && (
              <Tag color="gold" icon={<TrophyOutlined />}>
                {t('appraisal.championTag')}
              </Tag>
            )}
            {r.flagged && (
              <Tag color="volcano" data-testid="appraisal-flag">
                {t('appraisal.flagged', { n: r.failStreak })}
              </Tag>
            )}
          </Space>
        }
        onBack={() => navigate(`/appraisal/runs/${r.runId}`)}
        extra={
          <Space wrap>
            {r.canAcknowledge && (
              <Button type="primary" onClick={() => setStep('acknowledge')} data-testid="appraisal-acknowledge">
                {t('appraisal.steps.acknowledge')}
              </Button>
            )}
            {r.canObject && (
              <Button danger onClick={() => setStep('object')} data-testid="appraisal-object">
                {t('appraisal.steps.object')}
              </Button>
            )}
            {r.canScore && (
              <Button onClick={() => setStep('score')} data-testid="appraisal-score-add">
                {t(r.runStatus === 'closed' ? 'appraisal.steps.correct' : 'appraisal.steps.score')}
              </Button>
            )}
          </Space>
        }
      />
      {r.canAcknowledge && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('appraisal.awaitingYou')} />
      )}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Space size="large" wrap>
          <Statistic title={f('score')} value={r.score} data-testid="appraisal-result-score" />
          <Statistic title={f('rank')} value={r.rank ? t('appraisal.rankOf', { rank: r.rank, n: r.runSize }) : '-'} />
          <Statistic
            title={f('passed')}
            value={t(r.passed ? 'appraisal.passed' : 'appraisal.failed')}
            valueStyle={{ color: r.passed ? '#389e0d' : '#cf1322' }}
          />
        </Space>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="appraisal-facts">
          <Descriptions.Item label={f('baseScore')}>{r.baseScore}</Descriptions.Item>
          <Descriptions.Item label={f('passMark')}>
            {t('appraisal.passMarkRule', { mark: r.rules.passMark, n: r.rules.failStreak })}
          </Descriptions.Item>
          <Descriptions.Item label={f('bonus')} span={2}>
            <Space direction="vertical" size={0}>
              <BonusText bonus={r.bonus} />
              <Typography.Text type="secondary">
                <BonusRuleText rules={r.bonusRules} />
              </Typography.Text>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={f('revision')}>{t('appraisal.revisionLabel', { n: r.revision })}</Descriptions.Item>
          <Descriptions.Item label={f('failStreak')}>
            {r.failStreak > 0 ? t('appraisal.streak', { n: r.failStreak }) : '-'}
          </Descriptions.Item>
          {r.objectionReason && (
            <Descriptions.Item label={f('objectionReason')} span={2}>
              {`${r.objectionReason}（${formatDateTime(r.objectedAt)}）`}
            </Descriptions.Item>
          )}
          {r.objectionPoints && (
            <Descriptions.Item label={f('objectionPoints')} span={2}>
              <span data-testid="appraisal-objection-points">
                {t('appraisal.pointsValue', { points: signed(r.objectionPoints) })}
              </span>
            </Descriptions.Item>
          )}
          {!r.objectionDecision && r.status === 'pending' && r.objectionNote && (
            <Descriptions.Item label={f('returnedNote')} span={2}>
              {r.objectionNote}
            </Descriptions.Item>
          )}
          {r.objectionDecision && (
            <Descriptions.Item label={f('objectionDecision')} span={2}>
              {`${t(`appraisal.decision.${r.objectionDecision}`)}：${r.objectionNote ?? ''}（${formatDateTime(r.decidedAt)}）`}
            </Descriptions.Item>
          )}
          {r.acknowledgedAt && (
            <Descriptions.Item label={f('acknowledgedAt')}>{formatDateTime(r.acknowledgedAt)}</Descriptions.Item>
          )}
          {r.acknowledgedAt && (
            <Descriptions.Item label={f('acknowledgeComment')}>{r.acknowledgeComment || '-'}</Descriptions.Item>
          )}
        </Descriptions>
        {r.objectionReason && <ObjectionApproval resultId={r.id} />}
        <EvidenceItems items={r.items} />
        <HistoryList title={t('appraisal.history')} entries={r.history} actionDict="appraisal.action" />
      </Space>
      {step && <ReviewModal step={step} result={r} onClose={() => setStep(null)} />}
    </Card>
  );
}
