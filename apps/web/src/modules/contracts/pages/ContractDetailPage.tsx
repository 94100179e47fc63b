import { amountInWords, formatYuan, missingContractTerms, PRICE_MASK } from '@sales/core';
import { Alert, Card, Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { DetailTabs } from '../../../components/DetailTabs';
import { DocumentLinks, LinkedNo } from '../../../components/DocumentLinks';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { StatusTag } from '../../../components/StatusTag';
import { DealMilestones } from '../../milestones/components/DealMilestones';
import { MILESTONE_VIEW } from '../../milestones/constants';
import { useContract } from '../api';
import { ContractActions } from '../components/ContractActions';
import { AmendmentsTab, DisputesTab, LinesTable, PlanTable, ReviewTab, TimelineTab } from '../components/ContractTabs';
import { CONTRACT_STATUS_COLORS } from '../constants';
import type { ContractDetail, RiskFlag } from '../types';

// A figure withheld from the user (no contract.prices) reads ＊＊＊ in the warning's sentence.
const yuan = (v: string | null) => (v === null ? PRICE_MASK : formatYuan(v));

/** The interpolation values of a risk warning (money formatted). */
function riskParams(r: RiskFlag): Record<string, string | number> {
  switch (r.code) {
    case 'instalment_overdue':
      return { ...r.params, amount: yuan(r.params.amount) };
    case 'over_credit_limit':
      return { amount: yuan(r.params.amount), creditLimit: formatYuan(r.params.creditLimit) };
    default:
      return { orders: r.params.orders, dueDate: formatDate(r.params.dueDate) };
  }
}

/** What the deal rests on: the accepted quote, the proposal, or nothing (a direct contract). */
function SourceText({ c }: { c: ContractDetail }) {
  const { t } = useTranslation();
  const s = c.source;
  if (s.kind === 'quote')
    return (
      <span data-testid="contract-source">
        <LinkedNo
          of={{ type: 'contract', id: c.id }}
          source={{ type: 'quote', id: s.quoteId ?? 0 }}
          no={s.quoteNo ?? ''}
        >
          {t('contract.source.quote', { no: s.quoteNo })}
        </LinkedNo>
      </span>
    );
  if (s.kind === 'proposal')
    return (
      <Space size={4} wrap data-testid="contract-source">
        <LinkedNo
          of={{ type: 'contract', id: c.id }}
          source={{ type: 'opportunity', id: s.opportunityId ?? 0 }}
          suffix="?tab=proposals"
        >
          {t('contract.source.proposal', { title: s.proposalTitle })}
        </LinkedNo>
        <Tag color={s.accepted ? 'green' : 'orange'}>
          {t(`contract.source.response.${s.proposalResponse ?? 'pending'}`)}
        </Tag>
      </Space>
    );
  return <span data-testid="contract-source">{t('contract.source.direct')}</span>;
}

const TABS = ['terms', 'lines', 'plan', 'review', 'amendments', 'disputes', 'files', 'timeline', 'milestones'] as const;
type TabKey = (typeof TABS)[number];

/** 合同详情: parties, terms, lines, payment plan with receipts, review, amendments, disputes, scans, risk warnings. */
export function ContractDetailPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const [sp, setSp] = useSearchParams();
  const { hasPermission } = useAuth();
  const query = useContract(id);
  const tabParam = sp.get('tab') as TabKey | null;
  const tab: TabKey = tabParam && TABS.includes(tabParam) ? tabParam : 'terms';

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const label = (f: string) => t(`fields.contract.${f}`);
  const missing = missingContractTerms(c);

  return (
    <Card>
      <PageHeader
        title={`${c.no} ${c.title}`}
        subTitle={c.revision > 1 ? t('contract.revision', { n: c.revision }) : undefined}
        tags={
          <StatusTag dict="contract.status" value={c.status} colors={CONTRACT_STATUS_COLORS} testId="contract-status" />
        }
        extra={<ContractActions contract={c} />}
      />
      {c.risks.map((r) => (
        <Alert
          key={r.code}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(`contract.risk.${r.code}`, riskParams(r))}
          data-testid={`contract-risk-${r.code}`}
        />
      ))}
      {c.sourceRequired && !c.source.accepted && ['draft', 'in_review', 'approved'].includes(c.status) ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(c.source.kind === 'proposal' ? 'contract.source.notAccepted' : 'contract.source.required')}
          data-testid="contract-source-required"
        />
      ) : null}
      {c.status === 'draft' && missing.length ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('contract.termsMissing', {
            terms: missing.map((f) => label(f)).join(t('common.listSeparator')),
          })}
          data-testid="contract-terms-missing"
        />
      ) : null}
      {c.openDisputes > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('contract.dispute.openCount', { n: c.openDisputes })}
        />
      ) : null}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 3 }}
        style={{ marginBottom: 16 }}
        data-testid="contract-summary"
      >
        <Descriptions.Item label={label('partyA')}>{c.partyA}</Descriptions.Item>
        <Descriptions.Item label={label('partyB')}>
          <Link to={`/customers/${c.customerId}`}>{c.partyB}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={label('period')}>
          {[formatDate(c.startDate), formatDate(c.endDate)].join(' ~ ')}
        </Descriptions.Item>
        <Descriptions.Item label={label('amount')}>
          <Space direction="vertical" size={0} data-testid="contract-amount">
            <MoneyText value={c.amount} masked={c.pricesMasked} />
            {c.amount === null ? null : <Typography.Text type="secondary">{amountInWords(c.amount)}</Typography.Text>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={label('invoicedAmount')}>
          <MoneyText value={c.invoicedAmount} masked={c.pricesMasked} />
        </Descriptions.Item>
        <Descriptions.Item label={label('receivedAmount')}>
          <MoneyText value={c.receivedAmount} masked={c.pricesMasked} />
          <Typography.Text type="secondary">{` / ${t('fields.contract.remainingAmount')} `}</Typography.Text>
          <MoneyText value={c.remainingAmount} masked={c.pricesMasked} />
        </Descriptions.Item>
        <Descriptions.Item label={label('source')}>
          <SourceText c={c} />
        </Descriptions.Item>
        <Descriptions.Item label={label('signedDate')}>{formatDate(c.signedDate)}</Descriptions.Item>
        <Descriptions.Item label={label('signatories')}>
          {orDash([c.ourSignatory, c.customerSignatory].filter(Boolean).join(' / ') || null)}
        </Descriptions.Item>
        <Descriptions.Item label={label('ownerName')}>{`${orDash(c.ownerName)} ${c.deptName ?? ''}`}</Descriptions.Item>
      </Descriptions>
      <DocumentLinks type="contract" id={c.id} />
      <DetailTabs
        activeKey={tab}
        onChange={(k) =>
          setSp(
            (p) => {
              p.set('tab', k);
              return p;
            },
            { replace: true },
          )
        }
        items={[
          {
            key: 'terms',
            label: t('contract.terms'),
            children: (
              <>
                <Descriptions size="small" column={1} bordered>
                  {(['paymentTerms', 'qualityStandard', 'deliveryTerms', 'afterSalesTerms'] as const).map((f) => (
                    <Descriptions.Item key={f} label={label(f)}>
                      {orDash(c[f])}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
                {c.body ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }} data-testid="contract-body">
                    {c.body}
                  </Typography.Paragraph>
                ) : null}
              </>
            ),
          },
          { key: 'lines', label: t('contract.lines'), children: <LinesTable c={c} /> },
          { key: 'plan', label: t('contract.paymentPlan'), children: <PlanTable c={c} /> },
          {
            key: 'review',
            label: t('contract.review'),
            disabled: !c.reviewInstanceId,
            children: c.reviewInstanceId ? <ReviewTab contractId={c.id} instanceId={c.reviewInstanceId} /> : null,
          },
          { key: 'amendments', label: t('contract.amendments'), children: <AmendmentsTab id={c.id} /> },
          { key: 'timeline', label: t('contract.timeline'), children: <TimelineTab id={c.id} /> },
          { key: 'disputes', label: t('contract.disputes'), children: <DisputesTab id={c.id} /> },
          // 交付后流程 (SPEC 4.5): the post-sale processes this contract runs.
          ...(hasPermission(MILESTONE_VIEW)
            ? [{ key: 'milestones', label: t('milestones.tab'), children: <DealMilestones contractId={c.id} /> }]
            : []),
          {
            key: 'files',
            label: t('contract.files'),
            children: c.attachments.length ? (
              <ul data-testid="contract-files">
                {c.attachments.map((a) => (
                  <li key={a.id}>
                    {c.pricesMasked ? (
                      // The signed copy shows the prices: withheld like them (the server answers 404).
                      <Tooltip title={t('contract.scanWithheld')}>
                        <Typography.Text type="secondary" data-testid="contract-file-withheld">
                          {a.fileName}
                        </Typography.Text>
                      </Tooltip>
                    ) : (
                      <a href={`/api/attachments/${a.id}`} target="_blank" rel="noreferrer">
                        {a.fileName}
                      </a>
                    )}{' '}
                    <Tag>{t(`contract.filePurpose.${a.purpose}`, { defaultValue: a.purpose })}</Tag>
                    <Typography.Text type="secondary">{formatDateTime(a.createdAt)}</Typography.Text>
                  </li>
                ))}
              </ul>
            ) : (
              <Typography.Text type="secondary">{t('contract.noFiles')}</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
