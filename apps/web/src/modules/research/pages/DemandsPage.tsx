import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDate, formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { validValues } from '../../../components/validValues.ts';
import { type Demand, useDemand, useDemands, useResearchWrite } from '../api';
import { useQty } from '../components/qty';

const STATUSES = ['registered', 'reported', 'closed'] as const;
const OUTCOMES = ['sourced', 'unavailable', 'declined'] as const;
const COLORS = { registered: 'gold', reported: 'processing', closed: 'green' };

function RegisterModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{
    requester: string;
    productDescription: string;
    quantity: string;
    unit: string;
    note?: string;
  }>();
  const reg = useResearchWrite<{ requester: string; productDescription: string; quantity: string; unit: string }>(
    'POST',
    () => '/api/product-demands',
  );
  return (
    <Modal
      open={open}
      title={t('research.registerDemand')}
      onCancel={onClose}
      destroyOnHidden
      confirmLoading={reg.isPending}
      onOk={async () => {
        const v = await validValues(form);
        if (!v) return;
        reg.mutate(
          { ...v, quantity: String(v.quantity) },
          { onSuccess: onClose, onError: (e) => handleError(e, { form }) },
        );
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ unit: t('research.defaultUnit') }}>
        <Form.Item name="requester" label={t('research.fields.requester')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="demand-requester" />
        </Form.Item>
        <Form.Item
          name="productDescription"
          label={t('research.fields.productDescription')}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid="demand-product" />
        </Form.Item>
        <Space.Compact>
          <Form.Item name="quantity" label={t('research.fields.quantity')} rules={[{ required: true }]}>
            <InputNumber<string> stringMode min="0" style={{ width: 160 }} data-testid="demand-qty" />
          </Form.Item>
          <Form.Item name="unit" label={t('research.fields.unit')} rules={[{ required: true }]}>
            <Input maxLength={20} style={{ width: 90 }} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="note" label={t('research.fields.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One entry: report it to the trading company, then record the outcome it reports back. */
function DemandDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const q = useDemand(id);
  const qty = useQty();
  const [reportForm] = Form.useForm<{ tradingCompany: string; reportedOn: Dayjs }>();
  const [outcomeForm] = Form.useForm<{ outcome: string; outcomeNote?: string }>();
  const report = useResearchWrite<{ _id: number; tradingCompany: string; reportedOn: string; version: number }>(
    'POST',
    (b) => `/api/product-demands/${b._id}/report`,
  );
  const outcome = useResearchWrite<{ _id: number; outcome: string; outcomeNote?: string; version: number }>(
    'POST',
    (b) => `/api/product-demands/${b._id}/outcome`,
  );
  const d = q.data;
  const done = () => message.success(t('research.saved'));
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={d?.productDescription} destroyOnHidden>
      {d ? (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('research.fields.requester')}>{d.requester}</Descriptions.Item>
            <Descriptions.Item
              label={t('research.fields.quantity')}
            >{`${qty(d.quantity)} ${d.unit}`}</Descriptions.Item>
            <Descriptions.Item
              label={t('research.fields.registeredBy')}
            >{`${d.ownerName}（${d.deptName}）`}</Descriptions.Item>
            <Descriptions.Item label={t('research.fields.registeredAt')}>
              {formatDateTime(d.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('research.fields.status')}>
              <StatusTag dict="research.demandStatus" value={d.status} colors={COLORS} />
            </Descriptions.Item>
            <Descriptions.Item label={t('research.fields.tradingCompany')}>{d.tradingCompany ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('research.fields.reportedOn')}>{formatDate(d.reportedOn)}</Descriptions.Item>
            <Descriptions.Item label={t('research.fields.outcome')}>
              {d.outcome ? t(`research.outcome.${d.outcome}`) : '-'}
              {d.outcomeNote ? `（${d.outcomeNote}）` : ''}
            </Descriptions.Item>
          </Descriptions>
          {d.canManage && d.status === 'registered' ? (
            <Form
              form={reportForm}
              layout="vertical"
              initialValues={{ reportedOn: dayjs() }}
              onFinish={(v) =>
                report.mutate(
                  {
                    _id: d.id,
                    tradingCompany: v.tradingCompany,
                    reportedOn: v.reportedOn.format('YYYY-MM-DD'),
                    version: d.version,
                  },
                  { onSuccess: done, onError: (e) => handleError(e, { form: reportForm }) },
                )
              }
            >
              <Form.Item name="tradingCompany" label={t('research.fields.tradingCompany')} rules={[{ required: true }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="reportedOn" label={t('research.fields.reportedOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Button type="primary" htmlType="submit" data-testid="demand-report">
                {t('research.reportToTrading')}
              </Button>
            </Form>
          ) : null}
          {d.canManage && d.status === 'reported' ? (
            <Form
              form={outcomeForm}
              layout="vertical"
              onFinish={(v) =>
                outcome.mutate(
                  { _id: d.id, ...v, version: d.version },
                  { onSuccess: done, onError: (e) => handleError(e, { form: outcomeForm }) },
                )
              }
            >
              <Form.Item name="outcome" label={t('research.fields.outcome')} rules={[{ required: true }]}>
                <Select options={OUTCOMES.map((o) => ({ value: o, label: t(`research.outcome.${o}`) }))} />
              </Form.Item>
              <Form.Item name="outcomeNote" label={t('research.fields.note')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                {t('research.recordOutcome')}
              </Button>
            </Form>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}

/** 外购需求登记 (SPEC 2.8, seed 002): demand for products the company does not make, reported to the trading company. */
export function DemandsPage() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const { page, pageSize, patch } = useListUrlState();
  const [status, setStatus] = useState<string>();
  const q = useDemands({ status, page, pageSize });
  const qty = useQty();
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const f = (k: string) => t(`research.fields.${k}`);
  const columns: ColumnsType<Demand> = [
    { title: f('productDescription'), dataIndex: 'productDescription', width: 220, ellipsis: true },
    { title: f('requester'), dataIndex: 'requester', width: 160 },
    { title: f('quantity'), key: 'q', width: 110, align: 'right', render: (_, d) => `${qty(d.quantity)} ${d.unit}` },
    {
      title: f('status'),
      dataIndex: 'status',
      width: 100,
      render: (v) => <StatusTag dict="research.demandStatus" value={v} colors={COLORS} />,
    },
    { title: f('tradingCompany'), dataIndex: 'tradingCompany', width: 140, render: (v) => v ?? '-' },
    { title: f('outcome'), dataIndex: 'outcome', width: 100, render: (v) => (v ? t(`research.outcome.${v}`) : '-') },
    { title: f('registeredBy'), dataIndex: 'ownerName', width: 100 },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.demands')}
        extra={[
          <Select
            key="s"
            allowClear
            placeholder={f('status')}
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({ value: s, label: t(`research.demandStatus.${s}`) }))}
          />,
          hasPermission('demand.register') ? (
            <Button key="n" type="primary" onClick={() => setCreating(true)} data-testid="new-demand">
              {t('research.registerDemand')}
            </Button>
          ) : null,
        ]}
      />
      <DataTable<Demand>
        rowTestId="demand-row"
        columns={columns}
        items={q.data?.items}
        total={q.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={q.isFetching}
        onRowClick={(d) => setOpen(d.id)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      <DemandDrawer id={open} onClose={() => setOpen(null)} />
      <RegisterModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
