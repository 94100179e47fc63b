import { EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { OUTCOME_COLORS } from '../../../app/dictionaries';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { formatDate, formatDateTime } from '../../../components/format';
import { StatusTag } from '../../../components/StatusTag';
import { useContacts, useFollowUps } from '../api';
import { FollowUpModal } from './FollowUpModal';
import { LocationText, mapUrl } from './LocationField';

export function FollowUpsTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const query = useFollowUps(customerId);
  const contacts = useContacts(customerId);
  const [open, setOpen] = useState(false);

  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <>
      {hasPermission('followup.create') ? (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="followup-add">
            {t('followUp.add')}
          </Button>
        </Flex>
      ) : null}
      {query.isPending ? (
        <Skeleton active />
      ) : query.data.items.length === 0 ? (
        <Empty description={t('followUp.none')} />
      ) : (
        <List
          data-testid="followup-list"
          itemLayout="vertical"
          dataSource={query.data.items}
          renderItem={(f) => (
            <List.Item key={f.id} data-testid="followup-item">
              <Space wrap size="small" style={{ marginBottom: 4 }}>
                <StatusTag dict="dict.followUpType" value={f.type} />
                <StatusTag dict="dict.followUpOutcome" value={f.outcome} colors={OUTCOME_COLORS} />
                <Typography.Text type="secondary">
                  {t('followUp.byLine', { name: f.createdByName ?? '-', at: formatDateTime(f.createdAt) })}
                </Typography.Text>
                {f.contactName ? (
                  <Typography.Text type="secondary">
                    {t('followUp.withContact', { name: f.contactName })}
                  </Typography.Text>
                ) : null}
              </Space>
              <div style={{ whiteSpace: 'pre-wrap' }} data-testid="followup-item-content">
                {f.content}
              </div>
              {f.latitude != null && f.longitude != null ? (
                <div data-testid="followup-item-location">
                  <Typography.Link
                    href={mapUrl(
                      { latitude: f.latitude, longitude: f.longitude, accuracy: f.locationAccuracy },
                      t('followUp.location.label'),
                    )}
                    target="_blank"
                    rel="noopener noreferrer"
                    title={t('followUp.location.open')}
                  >
                    <EnvironmentOutlined />{' '}
                    <LocationText
                      value={{ latitude: f.latitude, longitude: f.longitude, accuracy: f.locationAccuracy }}
                    />
                  </Typography.Link>
                </div>
              ) : null}
              {f.nextAction || f.nextActionDate ? (
                <Space size="small">
                  <Typography.Text type="secondary">
                    {t('followUp.nextActionLine', {
                      action: f.nextAction ?? '',
                      date: f.nextActionDate ? formatDate(f.nextActionDate) : '',
                    })}
                  </Typography.Text>
                  {f.doneAt ? (
                    <Tag color="success" variant="outlined" title={formatDateTime(f.doneAt)}>
                      {t('followUp.done')}
                    </Tag>
                  ) : null}
                </Space>
              ) : null}
            </List.Item>
          )}
        />
      )}
      <FollowUpModal
        customerId={customerId}
        contacts={contacts.data?.items ?? []}
        open={open}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
