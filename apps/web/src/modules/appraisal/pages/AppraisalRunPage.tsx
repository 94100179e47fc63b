import { TrophyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { HistoryList } from '../../../components/HistoryList';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useAppraisalCommand, useAppraisalRun } from '../api';
import { AwardsCard, BonusRuleText, BonusText } from '../components/AwardsAndBonus';
import { periodParts, RESULT_STATUS_COLORS, RUN_STATUS_COLORS } from '../constants';
import type { RankedResult } from '../types';

/** One run: the champion and the awards, the ranking with each bonus of the results the user sees, closing, the history. */
export function AppraisalRunPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const query = useAppraisalRun(id);
  const command = useAppraisalCommand();
  const handleError = useApiErrorHandler();
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const f = (k: string) => t(`appraisal.fields.${k}`);
  const close = async () => {
    try {
      await command.mutateAsync({ path: `/appraisal-runs/${id}/close`, body: { version: r.version } });
    } catch (e) {
      handleError(e);
    }
  };
  const columns: ColumnsType<RankedResult> = [
    {
      title: f('rank'),
      dataIndex: 'rank',
      key: 'rank',
      width: 80,
      render: (v: number | null) => (v ? t('appraisal.rankLabel', { rank: v }) : '-'),
    },
    {
      title: f('person'),
      dataIndex: 'personName',
      width: 110,
      render: (v: string, x) => <Link to={`/appraisal/results/${x.id}`}>{v}</Link>,
    },
    {
      title: f('score'),
      dataIndex: 'score',
      width: 90,
      align: 'right',
      render: (v: string) => <span data-testid="appraisal-score">{t('appraisal.scoreValue', { score: v })}</span>,
    },
    {
      title: f('passed'),
      dataIndex: 'passed',
      width: 170,
      render: (v: boolean, x) => (
        <Space size={4} wrap>
          <Tag color={v ? 'green' : 'red'}>{t(v ? 'appraisal.passed' : 'appraisal.failed')}</Tag>
          {x.flagged && (
            <Tag color="volcano" data-testid="appraisal-flag">
              {t('appraisal.flagged', { n: x.failStreak })}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: f('bonus'),
      dataIndex: 'bonus',
      width: 150,
      align: 'right',
      render: (_: unknown, x) => <BonusText bonus={x.bonus} />,
    },
    {
      title: f('status'),
      dataIndex: 'status',
      width: 100,
      render: (v: string) => <StatusTag dict="appraisal.status" value={v} colors={RESULT_STATUS_COLORS} />,
    },
    { title: f('dept'), dataIndex: 'deptName', width: 120, ellipsis: true },
  ];
  const champion =
    r.championName ??
    (r.firsts.length > 1 ? t('appraisal.tie', { names: r.firsts.map((x) => x.name).join('、') }) : null);
  return (
    <Card>
      <PageHeader
        title={t('appraisal.runTitle', periodParts(r.period))}
        subTitle={r.schemeName}
        tags={
          <StatusTag
            dict="appraisal.runStatus"
            value={r.status}
            colors={RUN_STATUS_COLORS}
            testId="appraisal-run-status"
          />
        }
        onBack={() => navigate('/appraisal')}
        extra={
          r.canClose ? (
            <Popconfirm title={t('appraisal.closeConfirm')} onConfirm={() => void close()}>
              <Button type="primary" loading={command.isPending} data-testid="appraisal-close">
                {t('appraisal.steps.close')}
              </Button>
            </Popconfirm>
          ) : null
        }
      />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {champion && (
          <Alert
            type="success"
            showIcon
            icon={<TrophyOutlined />}
            message={<span data-testid="appraisal-champion">{t('appraisal.championIs', { name: champion })}</span>}
          />
        )}
        {r.canManage && r.objections > 0 && (
          <Alert type="warning" showIcon message={t('appraisal.openObjections', { n: r.objections })} />
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={f('dept')}>{r.deptName}</Descriptions.Item>
          <Descriptions.Item label={f('runBy')}>{`${r.runByName} ${formatDateTime(r.createdAt)}`}</Descriptions.Item>
          {r.closedAt && <Descriptions.Item label={f('closedAt')}>{formatDateTime(r.closedAt)}</Descriptions.Item>}
        </Descriptions>
        <AwardsCard awards={r.awards} />
        <DataTable<RankedResult>
          data-testid="appraisal-ranking"
          rowTestId="appraisal-result-row"
          columns={columns}
          items={r.results}
          cardTitleKey="personName"
          onRowClick={(x) => navigate(`/appraisal/results/${x.id}`)}
        />
        <Typography.Text type="secondary" data-testid="appraisal-bonus-rule">
          <BonusRuleText rules={r.bonusRules} />
        </Typography.Text>
        <HistoryList title={t('appraisal.history')} entries={r.history} actionDict="appraisal.action" />
      </Space>
    </Card>
  );
}
