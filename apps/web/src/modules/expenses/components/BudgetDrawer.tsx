import { Button, Descriptions, Drawer, Empty, Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { formatDate } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { StatusTag } from '../../../components/StatusTag';
import { useDrawerSize } from '../../../components/useIsMobile';
import { useBudget } from '../api';
import { CLAIM_STATUS_COLORS } from '../constants';
import type { Budget, BudgetDetail } from '../types';
import { useBudgetLabel } from './BudgetCheckTable';
import { BudgetUsage } from './BudgetUsage';

/** One budget: its figures and the claims whose approval reserved or whose payment used it. */
export function BudgetDrawer({
  budgetId,
  canManage,
  onEdit,
  onClose,
}: {
  budgetId: number | null;
  canManage: boolean;
  onEdit: (b: Budget) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const size = useDrawerSize(640);
  const query = useBudget(budgetId);
  const label = useBudgetLabel();
  const b = (k: string) => t(`expenses.budgets.${k}`);
  const data = query.data;
  return (
    <Drawer
      open={budgetId !== null}
      onClose={onClose}
      size={size}
      title={data ? label(data) : b('title')}
      extra={
        canManage && data ? (
          <Button onClick={() => onEdit(data)} data-testid="budget-edit">
            {b('edit')}
          </Button>
        ) : null
      }
      destroyOnHidden
    >
      {query.isPending ? (
        <Skeleton active />
      ) : query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Figures b={data as BudgetDetail} />
      )}
    </Drawer>
  );
}

function Figures({ b: d }: { b: BudgetDetail }) {
  const { t } = useTranslation();
  const b = (k: string) => t(`expenses.budgets.${k}`);
  return (
    <>
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }} data-testid="budget-figures">
        <Descriptions.Item label={b('period')}>
          {d.periodStart ? `${formatDate(d.periodStart)} ~ ${formatDate(d.periodEnd)}` : b('eventPeriod')}
        </Descriptions.Item>
        <Descriptions.Item label={b('amount')}>
          <MoneyText value={d.amount} />
        </Descriptions.Item>
        <Descriptions.Item label={b('reserved')}>
          <MoneyText value={d.reserved} />
        </Descriptions.Item>
        <Descriptions.Item label={b('used')}>
          <MoneyText value={d.used} />
        </Descriptions.Item>
        <Descriptions.Item label={b('remaining')}>
          <MoneyText value={d.remaining} />
        </Descriptions.Item>
        <Descriptions.Item label={b('usage')}>
          <BudgetUsage b={d} />
        </Descriptions.Item>
        {d.note ? <Descriptions.Item label={b('note')}>{d.note}</Descriptions.Item> : null}
      </Descriptions>
      {d.claims.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={b('noClaims')} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          title={() => b('claims')}
          dataSource={d.claims}
          columns={[
            {
              title: t('expenses.fields.no'),
              dataIndex: 'no',
              render: (v: string, r) => <Link to={`/expenses/claims/${r.id}`}>{v}</Link>,
            },
            { title: t('expenses.fields.claimant'), dataIndex: 'claimantName' },
            {
              title: t('expenses.fields.status'),
              dataIndex: 'status',
              render: (v: string) => <StatusTag dict="expenses.status" value={v} colors={CLAIM_STATUS_COLORS} />,
            },
            {
              title: t('expenses.fields.amount'),
              dataIndex: 'amount',
              align: 'right',
              render: (v: string) => <MoneyText value={v} />,
            },
          ]}
        />
      )}
    </>
  );
}
