import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, List, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { apiFetch, type ItemsResponse } from '../../../app/api';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';

interface DoorEvent {
  id: number;
  theme: string;
  venue: string | null;
  startsAt: string;
  endsAt: string;
}

/** 会销签到: the approved events of today and later, each opening its check-in page. */
export function DoorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: ['events', 'door'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<DoorEvent>>('/api/event-door', { signal }),
  });
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Card>
      <PageHeader title={t('events.doorTitle')} />
      {query.data.items.length === 0 ? (
        <Empty description={t('events.doorEmpty')} />
      ) : (
        <List
          dataSource={query.data.items}
          renderItem={(e) => (
            <List.Item
              actions={[
                <Button
                  key="go"
                  type="primary"
                  onClick={() => navigate(`/events/${e.id}/check-in`)}
                  data-testid={`door-${e.id}`}
                >
                  {t('events.checkIn')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={e.theme}
                description={
                  <Typography.Text type="secondary">
                    {t('events.timeRange', { start: formatDateTime(e.startsAt), end: formatDateTime(e.endsAt) })}
                    {e.venue ? ` · ${e.venue}` : ''}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
