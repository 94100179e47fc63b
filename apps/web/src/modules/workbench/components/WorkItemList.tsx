import { Badge, Card, Empty, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import type { WorkItemGroup } from '../api';

/** A badge with the count, "99+" when the source counted beyond its cap. */
export function CountBadge({ n, capped, danger }: { n: number; capped?: boolean; danger?: boolean }) {
  if (!n) return null;
  return (
    <Badge
      count={capped ? `${n}+` : n}
      overflowCount={999}
      color={danger ? '#ff4d4f' : '#1677ff'}
      style={{ marginInlineStart: 8 }}
    />
  );
}

/** One row: number and title linking to the record, date and amount on the right. */
export function WorkItemRow({
  to,
  no,
  title,
  date,
  amount,
  danger,
}: {
  to: string;
  no?: string | null;
  title: ReactNode;
  date?: string | null;
  amount?: string | null;
  danger?: boolean;
}) {
  return (
    <List.Item style={{ paddingInline: 0 }} data-testid="work-item">
      <div style={{ display: 'flex', width: '100%', gap: 8, alignItems: 'baseline', minWidth: 0 }}>
        <Link
          to={to}
          style={{ flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {no ? <Typography.Text type="secondary">{no} </Typography.Text> : null}
          {title}
        </Link>
        {amount ? <MoneyText value={amount} /> : null}
        {date ? (
          <Typography.Text type={danger ? 'danger' : 'secondary'} style={{ whiteSpace: 'nowrap' }}>
            {formatDate(date)}
          </Typography.Text>
        ) : null}
      </div>
    </List.Item>
  );
}

/** A card of one work-item source: its label, count, first items and a link to the whole list. */
export function WorkItemCard({ source, today }: { source: WorkItemGroup; today: string }) {
  const { t } = useTranslation();
  const overdue = source.key.endsWith('verdue');
  return (
    <Card
      size="small"
      data-testid={`source-${source.key}`}
      title={
        <span>
          {t(`workbench.source.${source.key}`)}
          <CountBadge n={source.total} capped={source.capped} danger={overdue} />
        </span>
      }
      extra={source.total > source.items.length ? <Link to={source.listLink}>{t('workbench.more')}</Link> : null}
    >
      {source.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.none')} />
      ) : (
        <List
          size="small"
          dataSource={source.items}
          renderItem={(i) => (
            <WorkItemRow
              key={i.id}
              to={i.link}
              no={i.no}
              title={i.title}
              date={i.date}
              amount={i.amount}
              danger={overdue && !!i.date && i.date < today}
            />
          )}
        />
      )}
    </Card>
  );
}
