import { Button, Card, Descriptions, Empty, Skeleton, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { DataTable } from '../../../components/DataTable';
import { DetailTabs } from '../../../components/DetailTabs';
import { formatDate, formatDateTime } from '../../../components/format';
import { HistoryList } from '../../../components/HistoryList';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useDealer } from '../api';
import { DealerFormModal } from '../components/DealerFormModal';
import { monthLabel } from '../components/monthLabel';
import { VisitModal } from '../components/VisitModal';
import { RATING_COLORS, STATUS_COLORS } from '../constants';
import type { DealerContact, DealerDetail, DealerReview, DealerVisit } from '../types';

/** The previous month as 'YYYY-MM' (the month a review is usually written for). */
function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

function Basics({ d }: { d: DealerDetail }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`dealers.fields.${k}`);
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="dealer-facts">
      <Descriptions.Item label={f('no')}>{d.no}</Descriptions.Item>
      <Descriptions.Item label={f('customer')}>
        <Link to={`/customers/${d.customerId}`} data-testid="dealer-customer">
          {d.customerName}
        </Link>
      </Descriptions.Item>
      <Descriptions.Item label={f('territories')} span={2}>
        <Space size={4} wrap>
          {d.territories.map((x) => (
            <Tag key={x}>{x}</Tag>
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={f('owner')}>{`${d.ownerName}（${d.deptName}）`}</Descriptions.Item>
      <Descriptions.Item label={f('updatedAt')}>{formatDateTime(d.updatedAt)}</Descriptions.Item>
      <Descriptions.Item label={f('remark')} span={2}>
        {d.remark || '-'}
      </Descriptions.Item>
    </Descriptions>
  );
}

function Reviews({ d, onReview }: { d: DealerDetail; onReview: (month: string) => void }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`dealers.fields.${k}`);
  const money = (v: string) => <MoneyText value={v} />;
  return (
    // The test id on the wrapper: on a phone the table is a card list.
    <Space direction="vertical" style={{ width: '100%' }} data-testid="dealer-reviews">
      {d.canReview && (
        <Button type="primary" onClick={() => onReview(lastMonth())} data-testid="dealer-review-new">
          {t('dealers.reviewLastMonth')}
        </Button>
      )}
      <DataTable<DealerReview>
        rowTestId="dealer-review-row"
        items={d.reviews}
        cardTitleKey="month"
        columns={[
          { title: f('month'), dataIndex: 'month', key: 'month', width: 110, render: (v: string) => monthLabel(t, v) },
          {
            title: f('rating'),
            dataIndex: 'rating',
            width: 90,
            render: (v: string) => <StatusTag dict="dealers.rating" value={v} colors={RATING_COLORS} />,
          },
          { title: f('orderCount'), dataIndex: 'orderCount', width: 80, align: 'right' },
          { title: f('orderAmount'), dataIndex: 'orderAmount', width: 120, align: 'right', render: money },
          { title: f('returnAmount'), dataIndex: 'returnAmount', width: 110, align: 'right', render: money },
          { title: f('collectionAmount'), dataIndex: 'collectionAmount', width: 120, align: 'right', render: money },
          { title: f('rewardAmount'), dataIndex: 'rewardAmount', width: 110, align: 'right', render: money },
          { title: f('comment'), dataIndex: 'comment', width: 220, ellipsis: true },
          { title: f('reviewedBy'), dataIndex: 'reviewedByName', width: 100 },
          ...(d.canReview
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, r: DealerReview) => (
                    <Button size="small" onClick={() => onReview(r.month)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}

/** One dealer: basics, contacts, the monthly reviews, the visits, the history. */
export function DealerDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const query = useDealer(id);
  const [editing, setEditing] = useState(false);
  const [visiting, setVisiting] = useState(false);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  const f = (k: string) => t(`dealers.fields.${k}`);
  // A review is written on the month's sheet, where the figures are computed from the data.
  const review = (month: string) => navigate(`/dealer-reviews?month=${month}&dealer=${d.id}`);
  return (
    <Card>
      <PageHeader
        title={d.name}
        subTitle={`${d.no} · ${d.customerName}`}
        tags={<StatusTag dict="dealers.status" value={d.status} colors={STATUS_COLORS} testId="dealer-status" />}
        onBack={() => navigate('/dealers')}
        extra={
          <Space wrap>
            {d.canManage && (
              <Button onClick={() => setVisiting(true)} data-testid="dealer-visit-new">
                {t('dealers.newVisit')}
              </Button>
            )}
            {d.canManage && (
              <Button type="primary" onClick={() => setEditing(true)} data-testid="dealer-edit">
                {t('dealers.edit')}
              </Button>
            )}
          </Space>
        }
      />
      <DetailTabs
        items={[
          { key: 'basics', label: t('dealers.tabs.basics'), children: <Basics d={d} /> },
          {
            key: 'contacts',
            label: t('dealers.tabs.contacts'),
            children: d.contacts.length ? (
              <Table<DealerContact>
                size="small"
                rowKey={(r) => `${r.name}-${r.phone}`}
                pagination={false}
                dataSource={d.contacts}
                data-testid="dealer-contacts"
                columns={[
                  { title: f('contactName'), dataIndex: 'name' },
                  { title: f('contactPhone'), dataIndex: 'phone' },
                  { title: f('contactRole'), dataIndex: 'role', render: (v: string | null) => v || '-' },
                ]}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ),
          },
          {
            key: 'reviews',
            label: t('dealers.tabs.reviews'),
            children: <Reviews d={d} onReview={review} />,
          },
          {
            key: 'visits',
            label: t('dealers.tabs.visits'),
            children: (
              <div data-testid="dealer-visits">
                <DataTable<DealerVisit>
                  rowTestId="dealer-visit-row"
                  items={d.visits}
                  cardTitleKey="visitedOn"
                  columns={[
                    {
                      title: f('visitedOn'),
                      dataIndex: 'visitedOn',
                      key: 'visitedOn',
                      width: 110,
                      render: (v: string) => formatDate(v),
                    },
                    { title: f('visitor'), dataIndex: 'visitorName', width: 100 },
                    { title: f('purpose'), dataIndex: 'purpose', width: 160, ellipsis: true },
                    { title: f('findings'), dataIndex: 'findings', width: 260 },
                    { title: f('nextStep'), dataIndex: 'nextStep', width: 200, render: (v: string | null) => v || '-' },
                  ]}
                />
              </div>
            ),
          },
          {
            key: 'history',
            label: t('dealers.tabs.history'),
            children: <HistoryList title={t('dealers.tabs.history')} entries={d.history} actionDict="dealers.action" />,
          },
        ]}
      />
      {editing && <DealerFormModal dealer={d} onClose={() => setEditing(false)} />}
      {visiting && <VisitModal dealerId={d.id} onClose={() => setVisiting(false)} />}
    </Card>
  );
}
