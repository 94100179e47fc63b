import { Alert, Button, Card, DatePicker, Flex } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { useReviewSheet } from '../api';
import { monthLabel } from '../components/monthLabel';
import { ReviewModal } from '../components/ReviewModal';
import { RATING_COLORS, STATUS_COLORS } from '../constants';
import type { ReviewRow } from '../types';

const thisMonth = () => dayjs().format('YYYY-MM');

/**
 * 经销商月度考评 (seed 000: 每月对所有经销商的业绩审评, 对销售业绩突出者予以奖励): every dealer in scope with
 * the month's orders, returns and collections from the data, its rating and the proposed reward.
 */
export function DealerReviewPage() {
  const { t } = useTranslation();
  const { sp, page, pageSize, patch } = useListUrlState();
  const month = sp.get('month') ?? dayjs().subtract(1, 'month').format('YYYY-MM');
  const focus = Number(sp.get('dealer')) || null;
  const sheet = useReviewSheet({ month, page, pageSize });
  const [open, setOpen] = useState<ReviewRow | null>(null);
  const f = (k: string) => t(`dealers.fields.${k}`);
  const money = (v: string) => <MoneyText value={v} />;
  const columns: ColumnsType<ReviewRow> = [
    {
      title: f('name'),
      dataIndex: 'name',
      key: 'name',
      width: 180,
      ellipsis: true,
      render: (v: string, r) => (
        <>
          <Link to={`/dealers/${r.dealerId}`} style={{ marginRight: 4 }}>
            {v}
          </Link>
          {r.status === 'suspended' && <StatusTag dict="dealers.status" value={r.status} colors={STATUS_COLORS} />}
        </>
      ),
    },
    { title: f('owner'), dataIndex: 'ownerName', width: 100 },
    { title: f('orderCount'), key: 'orderCount', width: 80, align: 'right', render: (_, r) => r.figures.orderCount },
    {
      title: f('orderAmount'),
      key: 'orderAmount',
      width: 120,
      align: 'right',
      render: (_, r) => money(r.figures.orderAmount),
    },
    {
      title: f('returnAmount'),
      key: 'returnAmount',
      width: 110,
      align: 'right',
      render: (_, r) => money(r.figures.returnAmount),
    },
    {
      title: f('netAmount'),
      key: 'netAmount',
      width: 120,
      align: 'right',
      render: (_, r) => money(r.figures.netAmount),
    },
    {
      title: f('collectionAmount'),
      key: 'collectionAmount',
      width: 120,
      align: 'right',
      render: (_, r) => money(r.figures.collectionAmount),
    },
    {
      title: f('rating'),
      key: 'rating',
      width: 90,
      render: (_, r) =>
        r.review ? (
          <StatusTag dict="dealers.rating" value={r.review.rating} colors={RATING_COLORS} />
        ) : (
          t('dealers.notReviewed')
        ),
    },
    {
      title: f('rewardAmount'),
      key: 'rewardAmount',
      width: 110,
      align: 'right',
      render: (_, r) => (r.review ? money(r.review.rewardAmount) : '-'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, r) => (
        <Button
          size="small"
          type={r.review ? 'default' : 'primary'}
          onClick={(e) => {
            e.stopPropagation();
            setOpen(r);
          }}
          data-testid="dealer-review-open"
        >
          {t(r.review ? 'dealers.editReview' : 'dealers.review')}
        </Button>
      ),
    },
  ];
  const current = open ?? (focus ? (sheet.data?.items.find((r) => r.dealerId === focus) ?? null) : null);
  return (
    <Card>
      <PageHeader title={t('menu.dealerReviews')} subTitle={monthLabel(t, month)} />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          disabledDate={(d) => d.format('YYYY-MM') > thisMonth()}
          onChange={(d) => patch({ month: d ? d.format('YYYY-MM') : undefined, dealer: undefined })}
          data-testid="dealer-review-month"
        />
      </Flex>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('dealers.figuresHint')} />
      <DataTable<ReviewRow>
        data-testid="dealer-review-table"
        rowTestId="dealer-review-row"
        rowKey="dealerId"
        columns={columns}
        items={sheet.data?.items}
        total={sheet.data?.total ?? 0}
        totalCapped={sheet.data?.totalCapped}
        page={page}
        pageSize={pageSize}
        loading={sheet.isFetching}
        cardTitleKey="name"
        onRowClick={(r) => setOpen(r)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      {current && (
        <ReviewModal
          key={`${current.dealerId}-${month}`}
          dealerId={current.dealerId}
          dealerName={current.name}
          month={month}
          figures={current.figures}
          review={current.review}
          onClose={() => {
            setOpen(null);
            if (focus) patch({ dealer: undefined }, false);
          }}
        />
      )}
    </Card>
  );
}
