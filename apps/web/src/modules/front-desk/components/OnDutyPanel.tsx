import { Alert, Card, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type OnDutyGroup, useOnDuty } from '../api';

function GroupDuty({ group }: { group: OnDutyGroup }) {
  const { t } = useTranslation();
  return (
    <div data-testid="fd-on-duty-group">
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          {group.name}
          {group.deptName ? <Typography.Text type="secondary"> · {group.deptName}</Typography.Text> : null}
        </Typography.Text>
        <Typography.Text type="secondary">{t('duty.assignedToday', { count: group.assignedCount })}</Typography.Text>
      </Flex>
      <Space size={[4, 8]} wrap>
        {group.members.map((m) => {
          const next = m.userId === group.nextUserId;
          const away = m.absent || !m.active;
          return (
            <Tag
              key={m.userId}
              color={next ? 'green' : away ? 'default' : 'blue'}
              style={away ? { textDecoration: 'line-through' } : undefined}
              data-testid={next ? 'fd-next' : 'fd-on-duty-member'}
            >
              {m.position}. {m.name}
              {next ? ` · ${t('duty.next')}` : ''}
              {m.absent ? ` · ${t('duty.absent')}` : ''}
              {m.pendingReplacements > 0 ? ` · ${t('duty.pendingReplacements', { count: m.pendingReplacements })}` : ''}
            </Tag>
          );
        })}
      </Space>
    </div>
  );
}

/** Who is on duty today in each group and who receives the next new visitor (轮值). */
export function OnDutyPanel() {
  const { t } = useTranslation();
  const query = useOnDuty();
  const groups = query.data?.groups ?? [];
  return (
    <Card
      size="small"
      title={t('duty.todayTitle')}
      extra={query.data ? <Typography.Text type="secondary">{query.data.date}</Typography.Text> : null}
      loading={query.isPending}
      data-testid="fd-on-duty"
      style={{ marginBottom: 16 }}
    >
      {query.isError ? (
        <Alert type="error" showIcon title={(query.error as Error).message} />
      ) : groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.nobodyOnDuty')} />
      ) : (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {groups.map((g) => (
            <GroupDuty key={g.groupId} group={g} />
          ))}
        </Space>
      )}
    </Card>
  );
}
