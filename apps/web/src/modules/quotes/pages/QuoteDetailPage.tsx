import { effectiveUnitPrice } from '@sales/core';
import { Alert, Card, Descriptions, Empty, Skeleton, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { DetailTabs } from '../../../components/DetailTabs';
import { DocumentLinks } from '../../../components/DocumentLinks';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { RecordAttachments } from '../../../components/RecordAttachments';
import { StatusTag } from '../../../components/StatusTag';
import { Timeline, type TimelineProps } from '../../../components/Timeline';
import { useQuote, useQuoteApprovals, useQuoteTimeline, useQuoteVersions } from '../api';
import { QuoteActions } from '../components/QuoteActions';
import { QuoteTotals } from '../components/QuoteLineEditor';
import { isExpired, QUOTE_STATUS_COLORS } from '../constants';
import type { QuoteDetail, QuoteLine, QuoteVersion } from '../types';

const TABS = ['lines', 'approval', 'versions', 'attachments', 'timeline'] as const;
type TabKey = (typeof TABS)[number];

const ENTITIES: TimelineProps['entities'] = {
  default: {
    fields: 'quote',
    actionPrefix: 'quote_',
    valueDicts: { status: 'quote.status', approvalReasons: 'quote.reason' },
    commentKeys: { return_to_draft: 'timeline.comment' },
  },
};

function LinesTable({ q }: { q: QuoteDetail }) {
  const { t } = useTranslation();
  const label = (f: string) => t(`fields.quoteLine.${f}`);
  const pct = (v: string) => `${Number(v)}%`;
  return (
    <>
      <Table<QuoteLine>
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={q.lines}
        data-testid="quote-lines"
        columns={[
          { title: label('lineNo'), dataIndex: 'lineNo', width: 50 },
          { title: label('productCode'), dataIndex: 'productCode', render: orDash },
          { title: label('description'), dataIndex: 'description' },
          { title: label('spec'), dataIndex: 'spec', render: orDash },
          { title: label('unit'), dataIndex: 'unit' },
          { title: label('qty'), dataIndex: 'qty', align: 'right', render: (v: string) => String(Number(v)) },
          {
            title: label('unitPrice'),
            dataIndex: 'unitPrice',
            align: 'right',
            render: (v: string, l) => (
              <>
                <MoneyText value={v} />
                {l.floorPrice &&
                effectiveUnitPrice({ unitPrice: v, discountPercent: l.discountPercent }).lt(l.floorPrice) ? (
                  <Tag color="warning" style={{ marginInlineStart: 4 }}>
                    {t('quote.belowFloorTag')}
                  </Tag>
                ) : null}
              </>
            ),
          },
          { title: label('discountPercent'), dataIndex: 'discountPercent', align: 'right', render: pct },
          { title: label('taxRate'), dataIndex: 'taxRate', align: 'right', render: pct },
          {
            title: label('netAmount'),
            dataIndex: 'netAmount',
            align: 'right',
            render: (v: string) => <MoneyText value={v} />,
          },
          {
            title: label('taxAmount'),
            dataIndex: 'taxAmount',
            align: 'right',
            render: (v: string) => <MoneyText value={v} />,
          },
          {
            title: label('grossAmount'),
            dataIndex: 'grossAmount',
            align: 'right',
            render: (v: string) => <MoneyText value={v} />,
          },
        ]}
      />
      <QuoteTotals
        totalNet={q.totalNet}
        totalTax={q.totalTax}
        totalGross={q.totalGross}
        discountTotal={q.discountTotal}
      />
    </>
  );
}

/** The quote's approval (the one it is under now), from the quote's approval history. */
function ApprovalTab({ quoteId, instanceId }: { quoteId: number; instanceId: number }) {
  const query = useQuoteApprovals(quoteId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const instance = query.data.items.find((i) => i.id === instanceId) ?? query.data.items.at(-1);
  return instance ? <ApprovalPanel instance={instance} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
}

function VersionsTab({ id }: { id: number }) {
  const { t } = useTranslation();
  const query = useQuoteVersions(id);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Table<QuoteVersion>
      size="small"
      rowKey="id"
      pagination={false}
      // Scrolls inside its box on a phone instead of pushing the page sideways.
      scroll={{ x: 'max-content' }}
      dataSource={query.data.items}
      data-testid="quote-versions"
      columns={[
        {
          title: t('fields.quote.revision'),
          dataIndex: 'revision',
          render: (n: number, v) =>
            v.id === id ? t('quote.revision', { n }) : <Link to={`/quotes/${v.id}`}>{t('quote.revision', { n })}</Link>,
        },
        {
          title: t('fields.quote.status'),
          dataIndex: 'status',
          render: (s: string) => <StatusTag dict="quote.status" value={s} colors={QUOTE_STATUS_COLORS} />,
        },
        {
          title: t('fields.quote.totalGross'),
          dataIndex: 'totalGross',
          align: 'right',
          render: (v: string) => <MoneyText value={v} />,
        },
        { title: t('fields.quote.validUntil'), dataIndex: 'validUntil', render: formatDate },
        { title: t('fields.quote.createdBy'), dataIndex: 'createdByName', render: orDash },
        { title: t('fields.quote.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
      ]}
    />
  );
}

function TimelineTab({ id }: { id: number }) {
  const query = useQuoteTimeline(id);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return <Timeline entities={ENTITIES} entries={query.data.items} />;
}

/** 报价单详情: header, lines and totals with 大写, approval, versions, history, and the actions its state allows. */
export function QuoteDetailPage() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const [sp, setSp] = useSearchParams();
  const query = useQuote(id);
  const tabParam = sp.get('tab') as TabKey | null;
  const tab: TabKey = tabParam && TABS.includes(tabParam) ? tabParam : 'lines';

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const q = query.data;
  const label = (f: string) => t(`fields.quote.${f}`);

  return (
    <Card>
      <PageHeader
        title={`${q.no} ${q.title}`}
        subTitle={t('quote.revision', { n: q.revision })}
        tags={<StatusTag dict="quote.status" value={q.status} colors={QUOTE_STATUS_COLORS} testId="quote-status" />}
        extra={<QuoteActions quote={q} />}
      />
      {!q.isLatest ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('quote.notLatest')} /> : null}
      {isExpired(q) ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('quote.expiredAccepted', { date: formatDate(q.validUntil) })}
          data-testid="quote-expired"
        />
      ) : null}
      {q.approvalReasons.length > 0 && ['draft', 'pending_approval'].includes(q.status) ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('quote.needsApproval', {
            reasons: q.approvalReasons.map((r) => t(`quote.reason.${r}`)).join(t('quote.reasonSeparator')),
          })}
          data-testid="quote-approval-reasons"
        />
      ) : null}
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={label('customerName')}>
          <Link to={`/customers/${q.customerId}`}>{q.customerName}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={label('contactName')}>
          {orDash([q.contactName, q.contactMobile].filter(Boolean).join(' ') || null)}
        </Descriptions.Item>
        <Descriptions.Item label={label('validUntil')}>{formatDate(q.validUntil)}</Descriptions.Item>
        <Descriptions.Item label={label('ownerName')}>{orDash(q.ownerName)}</Descriptions.Item>
        <Descriptions.Item label={label('deptName')}>{orDash(q.deptName)}</Descriptions.Item>
        <Descriptions.Item label={label('updatedAt')}>{formatDateTime(q.updatedAt)}</Descriptions.Item>
        {q.deliveryTerms ? (
          <Descriptions.Item label={label('deliveryTerms')}>{q.deliveryTerms}</Descriptions.Item>
        ) : null}
        {q.paymentTerms ? <Descriptions.Item label={label('paymentTerms')}>{q.paymentTerms}</Descriptions.Item> : null}
        {q.remark ? <Descriptions.Item label={label('remark')}>{q.remark}</Descriptions.Item> : null}
        {q.customerResponseAt ? (
          <Descriptions.Item label={label('customerResponse')}>
            {formatDateTime(q.customerResponseAt)} {q.customerResponseNote ?? ''}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {/* Its opportunity, and the order or contract converted from it, by number (issue 11 item 3). */}
      <DocumentLinks type="quote" id={q.id} />
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
          { key: 'lines', label: t('quote.lines'), children: <LinesTable q={q} /> },
          {
            key: 'approval',
            label: t('quote.approval'),
            disabled: !q.approvalInstanceId,
            children: q.approvalInstanceId ? <ApprovalTab quoteId={q.id} instanceId={q.approvalInstanceId} /> : null,
          },
          { key: 'versions', label: t('quote.versions'), children: <VersionsTab id={q.id} /> },
          {
            key: 'attachments',
            label: <span data-testid="tab-attachments">{t('attachments.tab')}</span>,
            children: <RecordAttachments recordPath={`/api/quotes/${q.id}`} canChange={hasPermission('quote.edit')} />,
          },
          { key: 'timeline', label: t('quote.timeline'), children: <TimelineTab id={q.id} /> },
        ]}
      />
    </Card>
  );
}
