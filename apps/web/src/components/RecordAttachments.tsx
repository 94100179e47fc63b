import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../app/api';
import { useApiErrorHandler } from '../app/useApiErrorHandler';
import { ATTACHMENT_ACCEPT, type FileUpload, formatFileSize, toUpload } from './files';
import { formatDateTime } from './format';
import { buttonTestId } from './testId';

export interface RecordAttachment {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  uploadedByName: string | null;
  createdAt: string;
  /** False for evidence another flow stored (a signed copy): it stays with its record. */
  removable: boolean;
}

/**
 * The files of one record (issue 14 item 6) — customer, opportunity, quote, order, event, inquiry:
 * listed for whoever sees the record, added and removed by whoever may change it.
 * `recordPath` is the record's API path, e.g. `/api/customers/12`.
 */
export function RecordAttachments({ recordPath, canChange }: { recordPath: string; canChange: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const qc = useQueryClient();
  const key = ['attachments', recordPath];
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiFetch<{ items: RecordAttachment[] }>(`${recordPath}/attachments`, { signal }),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: key });
  const upload = useMutation({
    mutationFn: (file: FileUpload) => apiFetch(`${recordPath}/attachments`, { method: 'POST', body: { file } }),
    onSuccess: () => {
      message.success(t('attachments.uploaded'));
      void refresh();
    },
    onError: (e) => handleError(e),
  });
  const remove = useMutation({
    mutationFn: (id: number) => apiFetch(`/api/attachments/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      message.success(t('attachments.removed'));
      void refresh();
    },
    onError: (e) => handleError(e),
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="record-attachments">
      {canChange ? (
        <Upload
          accept={ATTACHMENT_ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            void toUpload(file).then((f) => upload.mutate(f));
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
            {t('attachments.upload')}
          </Button>
        </Upload>
      ) : null}
      <Typography.Text type="secondary">{t('attachments.hint')}</Typography.Text>
      <List
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('attachments.none') }}
        renderItem={(a) => (
          <List.Item
            data-testid="attachment-item"
            actions={
              canChange && a.removable
                ? [
                    <Popconfirm
                      key="remove"
                      title={t('attachments.removeConfirm', { name: a.fileName })}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ ...buttonTestId(`attachment-remove-confirm-${a.id}`), danger: true }}
                      onConfirm={() => remove.mutate(a.id)}
                    >
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('common.delete')}
                        data-testid={`attachment-remove-${a.id}`}
                      />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              avatar={<PaperClipOutlined />}
              title={
                <a
                  href={`/api/attachments/${a.id}`}
                  target="_blank"
                  rel="noreferrer"
                  style={{ wordBreak: 'break-all' }}
                >
                  {a.fileName}
                </a>
              }
              description={[
                formatFileSize(a.size),
                a.uploadedByName ?? t('timeline.system'),
                formatDateTime(a.createdAt),
              ]
                .filter(Boolean)
                .join(' · ')}
            />
          </List.Item>
        )}
      />
    </Space>
  );
}
