import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Skeleton, Space, Typography, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { ATTACHMENT_ACCEPT, toUpload } from '../../../components/files';
import { PageHeader } from '../../../components/PageHeader';
import { RecordAttachments } from '../../../components/RecordAttachments';
import { useClaim, useExpenseCommand } from '../api';
import { ClaimLinesEditor } from '../components/ClaimLinesEditor';
import { EventSelect } from '../components/EventSelect';
import type { ClaimDetail } from '../types';

interface FormValues {
  title: string;
  eventId?: number | null;
  lines: { category: string; amount: string; spentOn: Dayjs; description: string }[];
}

const MAX_FILES = 10;

function ClaimForm({ claim }: { claim?: ClaimDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const command = useExpenseCommand<ClaimDetail>();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const f = (k: string) => t(`expenses.fields.${k}`);
  const initial: Partial<FormValues> = claim
    ? {
        title: claim.title,
        eventId: claim.eventId,
        lines: claim.lines.map((l) => ({ ...l, spentOn: dayjs(l.spentOn) })),
      }
    : { lines: [{ category: 'travel', amount: '', spentOn: dayjs(), description: '' }] };

  const save = async (v: FormValues) => {
    const body = {
      title: v.title,
      eventId: v.eventId ?? null,
      lines: v.lines.map((l) => ({
        category: l.category,
        amount: l.amount,
        spentOn: l.spentOn.format('YYYY-MM-DD'),
        description: l.description,
      })),
    };
    try {
      const saved = claim
        ? await command.mutateAsync({
            path: `/expense-claims/${claim.id}`,
            method: 'PUT',
            body: { ...body, version: claim.version },
          })
        : await command.mutateAsync({
            path: '/expense-claims',
            body: {
              ...body,
              attachments: await Promise.all(files.map((file) => toUpload(file.originFileObj as File))),
            },
          });
      message.success(t('expenses.saved'));
      navigate(`/expenses/claims/${saved.id}`, { replace: true });
    } catch (err) {
      handleError(err, { form });
    }
  };

  return (
    <Card>
      <PageHeader
        title={claim ? `${t('expenses.editClaim')} ${claim.no}` : t('expenses.newClaim')}
        onBack={() => navigate(claim ? `/expenses/claims/${claim.id}` : '/expenses/claims')}
      />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} disabled={command.isPending}>
        <Form.Item name="title" label={f('title')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="claim-title" />
        </Form.Item>
        <Form.Item name="eventId" label={f('event')} extra={t('expenses.eventHint')}>
          <EventSelect
            testId="claim-event"
            current={claim?.eventId ? { id: claim.eventId, theme: claim.eventTheme ?? '' } : null}
          />
        </Form.Item>
        <Typography.Title level={5}>{t('expenses.tabs.lines')}</Typography.Title>
        <ClaimLinesEditor />
        <Typography.Title level={5}>{t('expenses.invoices')}</Typography.Title>
        {claim ? (
          <RecordAttachments recordPath={`/api/expense-claims/${claim.id}`} canChange={claim.can.edit} />
        ) : (
          <Form.Item name="attachments" extra={t('expenses.invoiceHint')}>
            <Upload
              accept={ATTACHMENT_ACCEPT}
              multiple
              fileList={files}
              beforeUpload={() => false}
              onChange={({ fileList }) => setFiles(fileList.slice(0, MAX_FILES))}
              data-testid="claim-invoices"
            >
              <Button icon={<UploadOutlined />}>{t('expenses.pickInvoices')}</Button>
            </Upload>
          </Form.Item>
        )}
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={command.isPending} data-testid="claim-save">
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** 新建 / 修改报销单: the claim's event, lines and (new) invoices; saved as a draft, submitted from its page. */
export function ClaimFormPage() {
  const id = Number(useParams().id ?? 0);
  const query = useClaim(id);
  if (!id) return <ClaimForm />;
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  return <ClaimForm claim={query.data} />;
}
