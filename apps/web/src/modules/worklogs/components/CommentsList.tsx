import { Button, Empty, Flex, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDateTime } from '../../../components/format';
import { useCommentLog, type WorkLogComment } from '../api';

/** The manager's comments on a log (经理点评), and the box to add one when allowed. */
export function CommentsList({
  logId,
  comments,
  canComment,
}: {
  logId: number | null;
  comments: WorkLogComment[];
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const handleError = useApiErrorHandler();
  const add = useCommentLog(logId ?? 0);
  return (
    <div data-testid="worklog-comments">
      {comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('worklogs.noComments')} />
      ) : (
        <List
          size="small"
          dataSource={comments}
          renderItem={(c) => (
            <List.Item key={c.id} data-testid="worklog-comment">
              <div>
                <Typography.Text strong>{c.authorName}</Typography.Text>{' '}
                <Typography.Text type="secondary">{formatDateTime(c.createdAt)}</Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap' }}>{c.body}</div>
              </div>
            </List.Item>
          )}
        />
      )}
      {canComment && logId ? (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('worklogs.commentPlaceholder')}
            data-testid="worklog-comment-input"
          />
          <Button
            type="primary"
            style={{ alignSelf: 'flex-end' }}
            disabled={!text.trim()}
            loading={add.isPending}
            data-testid="worklog-comment-submit"
            onClick={() => add.mutate(text.trim(), { onSuccess: () => setText(''), onError: (e) => handleError(e) })}
          >
            {t('worklogs.comment')}
          </Button>
        </Flex>
      ) : null}
    </div>
  );
}
