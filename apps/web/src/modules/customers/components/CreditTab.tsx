import { EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type HTMLAttributes, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { APPROVAL_STATUS_COLORS } from '../../../components/ApprovalPanel';
import { formatDateTime } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import type { Customer } from '../api';
import { type CreditRequest, useCreditRequests } from '../creditApi';
import { CreditApprovals } from './CreditApprovals';
import { CreditRequestModal } from './CreditRequestModal';

function Rating({ value }: { value: string | null }) {
  const { t } = useTranslation();
  return value ? <Tag color="gold">{t(`dict.creditRating.${value}`, { defaultValue: value })}</Tag> : <span>-</span>;
}

function Days({ value }: { value: number | null }) {
  const { t } = useTranslation();
  return value === null || value === undefined ? (
    <span>-</span>
  ) : (
    <span>{t('policyValue.days', { value, count: value })}</span>
  );
}

/** "old → new", or just the new value when nothing was set before or it did not change. */
function Change({ old, next, same }: { old: ReactNode | null; next: ReactNode; same: boolean }) {
  if (same || old === null) return <>{next}</>;
  return (
    <Space size={4} wrap>
      <Typography.Text type="secondary">{old}</Typography.Text>
      <span>→</span>
      {next}
    </Space>
  );
}

export function CreditTab({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const [open, setOpen] = useState(false);
  // A fresh form per opening, prefilled with the credit as it is then.
  const [session, setSession] = useState(0);
  const query = useCreditRequests(customer.id);
  const requests = query.data?.items ?? [];
  const pending = requests.some((r) => r.status === 'pending');
  // The customer carries its current credit; should the response lack it, the last approved request holds it.
  const lastApproved = requests.find((r) => r.status === 'approved');
  const hasOwn = customer.creditLimit !== undefined || customer.creditRating !== undefined;
  const current = {
    rating: (hasOwn ? customer.creditRating : lastApproved?.rating) ?? null,
    creditLimit: (hasOwn ? customer.creditLimit : lastApproved?.creditLimit) ?? null,
    paymentTermsDays: (hasOwn ? customer.paymentTermsDays : lastApproved?.paymentTermsDays) ?? null,
  };

  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  const label = (f: string) => t(`credit.fields.${f}`);
  const columns: ColumnsType<CreditRequest> = [
    { title: label('createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
    { title: label('requestedBy'), dataIndex: 'requestedByName', render: (v: string | null) => v ?? '-' },
    {
      title: label('rating'),
      key: 'rating',
      render: (_, r) => (
        <Change
          old={r.oldRating === null ? null : <Rating value={r.oldRating} />}
          next={<Rating value={r.rating} />}
          same={r.oldRating === r.rating}
        />
      ),
    },
    {
      title: label('creditLimit'),
      key: 'creditLimit',
      render: (_, r) => (
        <Change
          old={r.oldCreditLimit === null ? null : <MoneyText value={r.oldCreditLimit} />}
          next={<MoneyText value={r.creditLimit} />}
          same={Number(r.oldCreditLimit) === Number(r.creditLimit)}
        />
      ),
    },
    {
      title: label('paymentTermsDays'),
      key: 'paymentTermsDays',
      render: (_, r) => (
        <Change
          old={r.oldPaymentTermsDays === null ? null : <Days value={r.oldPaymentTermsDays} />}
          next={<Days value={r.paymentTermsDays} />}
          same={r.oldPaymentTermsDays === r.paymentTermsDays}
        />
      ),
    },
    { title: label('reason'), dataIndex: 'reason', ellipsis: true, width: 240 },
    {
      title: label('status'),
      dataIndex: 'status',
      render: (v: string) => (
        <Tag color={APPROVAL_STATUS_COLORS[v]} data-testid="credit-request-status">
          {t(`approval.status.${v}`, { defaultValue: v })}
        </Tag>
      ),
    },
    { title: label('decidedAt'), dataIndex: 'decidedAt', width: 150, render: formatDateTime },
  ];

  const newButton = (
    <Button
      type="primary"
      icon={<EditOutlined />}
      disabled={pending}
      onClick={() => {
        setSession((n) => n + 1);
        setOpen(true);
      }}
      data-testid="credit-request-new"
    >
      {t('credit.request')}
    </Button>
  );

  return (
    <div data-testid="credit-tab">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 3 }}
        data-testid="credit-current"
        items={[
          {
            key: 'rating',
            label: label('rating'),
            children: (
              <span data-testid="credit-current-rating">
                <Rating value={current.rating} />
              </span>
            ),
          },
          {
            key: 'limit',
            label: label('creditLimit'),
            children: (
              <span data-testid="credit-current-limit">
                <MoneyText value={current.creditLimit} />
              </span>
            ),
          },
          {
            key: 'terms',
            label: label('paymentTermsDays'),
            children: (
              <span data-testid="credit-current-terms">
                <Days value={current.paymentTermsDays} />
              </span>
            ),
          },
        ]}
      />
      <Flex justify="space-between" align="center" style={{ margin: '16px 0 12px' }} wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('credit.requests')}
        </Typography.Title>
        <Space>
          {pending ? (
            <Tag color="processing" data-testid="credit-pending">
              {t('credit.pending')}
            </Tag>
          ) : null}
          {hasPermission('customer.credit') ? (
            pending ? (
              <Tooltip title={t('credit.pendingHint')}>{newButton}</Tooltip>
            ) : (
              newButton
            )
          ) : null}
        </Space>
      </Flex>
      <Table<CreditRequest>
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={query.isPending}
        dataSource={requests}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('credit.none') }}
        onRow={() => ({ 'data-testid': 'credit-request-row' }) as HTMLAttributes<HTMLElement>}
        expandable={{
          expandRowByClick: true,
          rowExpandable: (r) => r.instanceId !== null,
          expandedRowRender: (r) => <CreditApprovals customerId={customer.id} requestId={r.id} />,
        }}
      />
      <CreditRequestModal
        key={session}
        customerId={customer.id}
        open={open}
        current={current}
        onClose={() => setOpen(false)}
      />
    </div>
  );
}
