import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { validValues } from '../../../components/validValues.ts';
import { useMyWorkLog, useSaveMyLog, type WorkLogComment } from '../api';
import { CommentsList } from '../components/CommentsList';

interface Values {
  planCustomers: number[];
  planNote?: string;
  done?: string;
  problems?: string;
  tomorrow?: string;
}

/**
 * 我的工作日志 (SPEC 5.1; seed 000 "准备" / "日报"): the morning plan — customers to follow up,
 * prefilled from the follow-ups due, and the work the manager assigned — and the evening log.
 */
export function MyWorkLogPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [sp, setSp] = useSearchParams();
  const date = sp.get('date') ?? undefined;
  const q = useMyWorkLog(date);
  const save = useSaveMyLog();
  const [form] = Form.useForm<Values>();
  const log = q.data;

  useEffect(() => {
    if (!log) return;
    form.setFieldsValue({
      planCustomers: log.planCustomers.map((c) => c.customerId),
      planNote: log.planNote ?? undefined,
      done: log.done ?? undefined,
      problems: log.problems ?? undefined,
      tomorrow: log.tomorrow ?? undefined,
    });
  }, [log, form]);

  if (q.isError && !q.data) return <QueryErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  if (!log) return <PageSpinner />;

  const options = [...log.planCustomers, ...(log.dueCustomers ?? [])]
    .filter((c, i, all) => all.findIndex((x) => x.customerId === c.customerId) === i)
    .map((c) => ({ value: c.customerId, label: c.name }));

  const submit = (handIn: boolean) => async () => {
    const v = await validValues(form);
    if (!v) return;
    save.mutate(
      {
        date: log.logDate,
        planCustomers: v.planCustomers ?? [],
        planNote: v.planNote ?? null,
        done: v.done ?? null,
        problems: v.problems ?? null,
        tomorrow: v.tomorrow ?? null,
        submit: handIn,
        version: log.version,
      },
      {
        onSuccess: () => message.success(t(handIn ? 'worklogs.submitted' : 'worklogs.saved')),
        onError: (e) => handleError(e, { form, onStale: () => void q.refetch() }),
      },
    );
  };

  return (
    <Card>
      <PageHeader
        title={t('menu.myWorkLog')}
        tags={
          log.submittedAt ? (
            <Tag color="success" data-testid="worklog-status">
              {t('worklogs.status.submitted')}
            </Tag>
          ) : (
            <Tag data-testid="worklog-status">{t(log.id ? 'worklogs.status.planned' : 'worklogs.status.missing')}</Tag>
          )
        }
        extra={
          <DatePicker
            allowClear={false}
            value={dayjs(log.logDate)}
            onChange={(d) => d && setSp({ date: d.format('YYYY-MM-DD') })}
            data-testid="worklog-date"
          />
        }
      />
      {log.assignedWork ? (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          message={t('worklogs.assignedBy', { name: log.assignedByName ?? '' })}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{log.assignedWork}</span>}
          data-testid="worklog-assigned"
        />
      ) : null}
      <Form form={form} layout="vertical" disabled={save.isPending}>
        <Card size="small" title={t('worklogs.morning')} style={{ marginBottom: 16 }}>
          <Form.Item name="planCustomers" label={t('worklogs.fields.planCustomers')} extra={t('worklogs.planHint')}>
            <Select mode="multiple" options={options} data-testid="worklog-plan-customers" />
          </Form.Item>
          <Form.Item name="planNote" label={t('worklogs.fields.planNote')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="worklog-plan-note" />
          </Form.Item>
        </Card>
        <Card size="small" title={t('worklogs.evening')} style={{ marginBottom: 16 }}>
          <Form.Item name="done" label={t('worklogs.fields.done')}>
            <Input.TextArea rows={3} maxLength={4000} data-testid="worklog-done" />
          </Form.Item>
          <Form.Item name="problems" label={t('worklogs.fields.problems')}>
            <Input.TextArea rows={2} maxLength={4000} data-testid="worklog-problems" />
          </Form.Item>
          <Form.Item name="tomorrow" label={t('worklogs.fields.tomorrow')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="worklog-tomorrow" />
          </Form.Item>
        </Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Button onClick={submit(false)} loading={save.isPending} data-testid="worklog-save">
            {t('worklogs.save')}
          </Button>
          <Button type="primary" onClick={submit(true)} loading={save.isPending} data-testid="worklog-submit">
            {t(log.submittedAt ? 'worklogs.resubmit' : 'worklogs.submit')}
          </Button>
          {log.submittedAt ? <span>{t('worklogs.submittedAt', { at: formatDateTime(log.submittedAt) })}</span> : null}
        </Space>
      </Form>
      <Card size="small" title={t('worklogs.comments')}>
        <CommentsList logId={log.id} comments={(log.comments as WorkLogComment[]) ?? []} canComment={false} />
      </Card>
    </Card>
  );
}
