import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { REGIONS } from '../../../app/dictionaries';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { DictSelect } from '../../../components/DictSelect';
import { PageHeader } from '../../../components/PageHeader';
import { DictText } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { validValues } from '../../../components/validValues.ts';
import { type Forecast, useCategories, useForecasts, useResearchWrite } from '../api';
import { PeriodSelect, recentPeriods, usePeriodLabel } from '../components/period';
import { useQty } from '../components/qty';

type ForecastForm = {
  period: string;
  categoryId: number;
  region: string;
  marketDemand?: string;
  demandPotential?: string;
  salesPotential?: string;
  note?: string;
};
const QTYS = ['marketDemand', 'demandPotential', 'salesPotential'] as const;

/**
 * The forecast form (seed 000 4.1.2 b): the three quantities are required — the page marks them,
 * and the server answers each missing one on its own field.
 */
function ForecastModal({ open, edit, onClose }: { open: boolean; edit?: Forecast; onClose: () => void }) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const cats = useCategories();
  const [form] = Form.useForm<ForecastForm>();
  const save = useResearchWrite<ForecastForm & { _id?: number; version?: number }>(edit ? 'PUT' : 'POST', (b) =>
    b._id ? `/api/market-forecasts/${b._id}` : '/api/market-forecasts',
  );
  return (
    <Modal
      open={open}
      title={t(edit ? 'research.editForecast' : 'research.newForecast')}
      onCancel={onClose}
      destroyOnHidden
      confirmLoading={save.isPending}
      onOk={async () => {
        const v = await validValues(form);
        if (!v) return;
        const body = { ...v, ...Object.fromEntries(QTYS.map((k) => [k, v[k] ? String(v[k]) : null])) };
        save.mutate(edit ? { ...body, _id: edit.id, version: edit.version } : body, {
          onSuccess: () => onClose(),
          onError: (e) => handleError(e, { form }),
        });
      }}
    >
      <Form form={form} layout="vertical" initialValues={edit ?? { period: recentPeriods(1)[0] }}>
        <Form.Item name="period" label={t('research.fields.period')} rules={[{ required: true }]}>
          <PeriodSelect />
        </Form.Item>
        <Form.Item name="categoryId" label={t('research.fields.category')} rules={[{ required: true }]}>
          <Select
            options={cats.data?.items.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="forecast-category"
          />
        </Form.Item>
        <Form.Item name="region" label={t('research.fields.region')} rules={[{ required: true }]}>
          <DictSelect dict="dict.region" values={REGIONS} testId="forecast-region" />
        </Form.Item>
        {QTYS.map((k) => (
          <Form.Item
            key={k}
            name={k}
            label={t(`research.fields.${k}`)}
            tooltip={t(`research.hints.${k}`)}
            rules={[{ required: true, message: t(`research.required.${k}`) }]}
          >
            <InputNumber<string>
              stringMode
              min="0"
              precision={0}
              style={{ width: '100%' }}
              data-testid={`forecast-${k}`}
            />
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('research.fields.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 市场预测 (seed 000 4.1.2): demand, demand potential and our sales potential, with the actual sales so far. */
export function ForecastsPage() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const { page, pageSize, patch } = useListUrlState();
  const [period, setPeriod] = useState<string>();
  const q = useForecasts({ period, page, pageSize });
  const label = usePeriodLabel();
  const qty = useQty();
  const [editing, setEditing] = useState<Forecast | null | undefined>();
  const canWrite = hasPermission('research.write');
  const f = (k: string) => t(`research.fields.${k}`);
  const columns: ColumnsType<Forecast> = [
    { title: f('period'), dataIndex: 'period', width: 130, render: label },
    { title: f('category'), dataIndex: 'categoryName', width: 130 },
    { title: f('region'), dataIndex: 'region', width: 100, render: (v) => <DictText dict="dict.region" value={v} /> },
    ...QTYS.map((k) => ({ title: f(k), dataIndex: k, width: 120, align: 'right' as const, render: qty })),
    {
      title: f('actualVolume'),
      dataIndex: 'actualVolume',
      width: 150,
      align: 'right',
      render: (v: string | null, r: Forecast) =>
        v === null ? (
          '-'
        ) : (
          <Space size={4}>
            {qty(v)}
            {r.potentialReached !== null ? (
              <Typography.Text type="secondary">({r.potentialReached}%)</Typography.Text>
            ) : null}
          </Space>
        ),
    },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.forecasts')}
        extra={[
          <PeriodSelect key="p" value={period} allowClear onChange={setPeriod} />,
          canWrite ? (
            <Button key="n" type="primary" onClick={() => setEditing(null)} data-testid="new-forecast">
              {t('research.newForecast')}
            </Button>
          ) : null,
        ]}
      />
      <Typography.Paragraph type="secondary">{t('research.forecastHint')}</Typography.Paragraph>
      <DataTable<Forecast>
        rowTestId="forecast-row"
        columns={columns}
        items={q.data?.items}
        total={q.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={q.isFetching}
        onRowClick={canWrite ? (r) => setEditing(r) : undefined}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      <ForecastModal open={editing !== undefined} edit={editing ?? undefined} onClose={() => setEditing(undefined)} />
    </Card>
  );
}
