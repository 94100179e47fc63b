import { Card, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './format';

export interface HistoryEntry {
  id: number;
  at: string;
  action: string;
  actorName: string | null;
  comment: string | null;
}

/**
 * A record's history from its audit trail, newest first (SPEC 1.3: viewable on the record): when,
 * who, what was done (the action's label from `actionDict`) and the comment that came with it.
 */
export function HistoryList({
  title,
  entries,
  actionDict,
}: {
  title: string;
  entries: HistoryEntry[];
  actionDict: string;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} data-testid="record-history">
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.none')} />
      ) : (
        <Timeline
          items={entries.map((e) => ({
            key: e.id,
            children: (
              <div>
                <Typography.Text strong>{t(`${actionDict}.${e.action}`)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {`${e.actorName ?? t('timeline.system')} · ${formatDateTime(e.at)}`}
                </Typography.Text>
                {e.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
