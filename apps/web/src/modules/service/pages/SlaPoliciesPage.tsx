import { App, Button, Card, Form, InputNumber, Modal, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { DictText } from '../../../components/StatusTag';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { useSlaPolicies, useUpdateSlaPolicy } from '../api';
import { minutesText, TICKET_TYPES } from '../constants';
import type { SlaPolicy } from '../types';

/** SLA 策略: first-response and resolution targets in working minutes per ticket type × priority; warning at a %. */
export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const query = useSlaPolicies();
  const update = useUpdateSlaPolicy();
  const [type, setType] = useState<string | undefined>();
  const [editing, setEditing] = useState<SlaPolicy | null>(null);
  const [form] = Form.useForm<{ responseMinutes: number; resolutionMinutes: number; warnPercent: number }>();
  const items = useMemo(
    () => (query.data?.items ?? []).filter((p) => !type || p.ticketType === type),
    [query.data, type],
  );
  const f = (k: string) => t(`service.policy.${k}`);
  const columns: ColumnsType<SlaPolicy> = [
    { title: f('type'), dataIndex: 'ticketType', render: (v: string) => <DictText dict="service.type" value={v} /> },
    {
      title: f('priority'),
      dataIndex: 'priority',
      render: (v: string) => <DictText dict="service.priority" value={v} />,
    },
    {
      title: f('customerClass'),
      dataIndex: 'customerClass',
      render: (v: string | null) => (v ? <DictText dict="dict.customerClass" value={v} /> : f('anyClass')),
    },
    { title: f('response'), dataIndex: 'responseMinutes', render: (v: number) => minutesText(t, v) },
    { title: f('resolution'), dataIndex: 'resolutionMinutes', render: (v: number) => minutesText(t, v) },
    { title: f('warn'), dataIndex: 'warnPercent', render: (v: number) => `${v}%` },
    { title: f('updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
    {
      title: f('actions'),
      key: 'edit',
      render: (_, p) => (
        <Button
          size="small"
          onClick={(e) => {
            e.stopPropagation();
            setEditing(p);
            form.setFieldsValue({
              responseMinutes: p.responseMinutes,
              resolutionMinutes: p.resolutionMinutes,
              warnPercent: p.warnPercent,
            });
          }}
          data-testid="sla-edit"
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ];
  const save = async () => {
    const v = await validValues(form);
    if (!v || !editing) return;
    update.mutate(
      { id: editing.id, body: { ...v, version: editing.version } },
      {
        onSuccess: () => {
          message.success(t('service.done'));
          setEditing(null);
        },
        onError: (e) => handleError(e, { form, onStale: () => void query.refetch() }),
      },
    );
  };
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Card>
      <PageHeader title={t('menu.slaPolicies')} subTitle={f('hint')} />
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          placeholder={f('type')}
          style={{ width: 200 }}
          value={type}
          onChange={setType}
          options={TICKET_TYPES.map((v) => ({ value: v, label: t(`service.type.${v}`) }))}
          data-testid="sla-filter-type"
        />
      </Space>
      {query.isError ? (
        <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <DataTable<SlaPolicy>
          rowKey="id"
          items={items}
          columns={columns}
          loading={query.isFetching}
          rowTestId="sla-row"
        />
      )}
      <Modal
        open={editing !== null}
        title={
          editing ? `${t(`service.type.${editing.ticketType}`)} · ${t(`service.priority.${editing.priority}`)}` : ''
        }
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        confirmLoading={update.isPending}
        okButtonProps={buttonTestId('sla-save')}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="responseMinutes" label={f('responseMinutes')} rules={required}>
            <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} data-testid="sla-response" />
          </Form.Item>
          <Form.Item name="resolutionMinutes" label={f('resolutionMinutes')} rules={required}>
            <InputNumber min={1} max={1000000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="warnPercent" label={f('warnPercent')} rules={required}>
            <InputNumber min={1} max={99} precision={0} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
