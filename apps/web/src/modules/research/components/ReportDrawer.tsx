import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Form, Input, List, Space, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { readBase64 } from '../../../components/files';
import { formatDateTime } from '../../../components/format';
import { StatusTag } from '../../../components/StatusTag';
import { validValues } from '../../../components/validValues.ts';
import { useReport, useResearchWrite } from '../api';
import { usePeriodLabel } from './period';

export const REPORT_COLORS = { draft: 'default', submitted: 'green', missing: 'red' };

/** A report: findings, attachments; its owner edits, attaches and submits while it is a draft. */
export function ReportDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const q = useReport(id);
  const label = usePeriodLabel();
  const [form] = Form.useForm<{ title: string; findings: string }>();
  const save = useResearchWrite<{ _id: number; title: string; findings: string; version: number }>(
    'PUT',
    (b) => `/api/research-reports/${b._id}`,
  );
  const submit = useResearchWrite<{ _id: number; version: number }>(
    'POST',
    (b) => `/api/research-reports/${b._id}/submit`,
  );
  const attach = useResearchWrite<{ _id: number; file: { fileName: string; mimeType: string; contentBase64: string } }>(
    'POST',
    (b) => `/api/research-reports/${b._id}/attachments`,
  );
  const r = q.data;
  const mine = r && r.ownerId === me?.id && r.status === 'draft';
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={r ? `${label(r.period)} · ${r.title}` : ''}
      destroyOnHidden
    >
      {r ? (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item
              label={t('research.fields.owner')}
            >{`${r.ownerName}（${r.deptName}）`}</Descriptions.Item>
            <Descriptions.Item label={t('research.fields.status')}>
              <StatusTag dict="research.reportStatus" value={r.status} colors={REPORT_COLORS} />
            </Descriptions.Item>
            <Descriptions.Item label={t('research.fields.submittedAt')}>
              {formatDateTime(r.submittedAt)}
            </Descriptions.Item>
          </Descriptions>
          {mine ? (
            <Form form={form} layout="vertical" initialValues={{ title: r.title, findings: r.findings }}>
              <Form.Item name="title" label={t('research.fields.title')} rules={[{ required: true }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="findings" label={t('research.fields.findings')}>
                <Input.TextArea rows={8} maxLength={20000} data-testid="report-findings" />
              </Form.Item>
              <Space wrap>
                <Button
                  onClick={async () => {
                    const v = await validValues(form);
                    if (!v) return;
                    save.mutate(
                      { _id: r.id, ...v, version: r.version },
                      {
                        onSuccess: () => message.success(t('research.saved')),
                        onError: (e) => handleError(e, { form }),
                      },
                    );
                  }}
                >
                  {t('common.save')}
                </Button>
                <Button
                  type="primary"
                  data-testid="report-submit"
                  onClick={() =>
                    submit.mutate(
                      { _id: r.id, version: r.version },
                      {
                        onSuccess: () => message.success(t('research.submitted')),
                        onError: (e) => handleError(e, { form }),
                      },
                    )
                  }
                >
                  {t('research.submit')}
                </Button>
                <Upload
                  accept=".pdf,.png,.jpg,.jpeg,.webp"
                  showUploadList={false}
                  beforeUpload={async (file) => {
                    attach.mutate(
                      {
                        _id: r.id,
                        file: { fileName: file.name, mimeType: file.type, contentBase64: await readBase64(file) },
                      },
                      { onSuccess: () => message.success(t('research.attached')), onError: (e) => handleError(e) },
                    );
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />}>{t('research.attach')}</Button>
                </Upload>
              </Space>
            </Form>
          ) : (
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('research.fields.findings')}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{r.findings || '-'}</span>
              </Descriptions.Item>
            </Descriptions>
          )}
          <List
            header={t('research.attachments')}
            size="small"
            bordered
            dataSource={r.attachments ?? []}
            locale={{ emptyText: t('research.noAttachments') }}
            renderItem={(a) => (
              <List.Item>
                <a href={`/api/attachments/${a.id}`} target="_blank" rel="noreferrer">
                  {a.fileName}
                </a>
                <span>{formatDateTime(a.createdAt)}</span>
              </List.Item>
            )}
          />
        </Space>
      ) : null}
    </Drawer>
  );
}
