import { Button, Card, DatePicker, Form, Input, Modal } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDate } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { useListUrlState } from '../../../components/useListUrlState';
import { validValues } from '../../../components/validValues.ts';
import { type Promotion, usePromotions, useResearchWrite } from '../api';

function NewPromotionModal({ open, onClose }: { open: boolean; onClose: (id?: number) => void }) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<{ name: string; description?: string; range: [Dayjs, Dayjs] }>();
  const create = useResearchWrite<{ name: string; description?: string; startDate: string; endDate: string }>(
    'POST',
    () => '/api/promotions',
  );
  return (
    <Modal
      open={open}
      title={t('research.newPromotion')}
      onCancel={() => onClose()}
      destroyOnHidden
      confirmLoading={create.isPending}
      onOk={async () => {
        const values = await validValues(form);
        if (!values) return;
        const { range, ...v } = values;
        create.mutate(
          { ...v, startDate: range[0].format('YYYY-MM-DD'), endDate: range[1].format('YYYY-MM-DD') },
          { onSuccess: (r) => onClose(r.id), onError: (e) => handleError(e, { form }) },
        );
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('research.fields.promotion')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="promotion-name" />
        </Form.Item>
        <Form.Item name="range" label={t('research.fields.dates')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label={t('research.fields.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 促销活动 (seed 000 5.2.1 阶段性营销推广方案): the promotions in scope with their stages' approval state. */
export function PromotionsPage() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const navigate = useNavigate();
  const { page, pageSize, patch } = useListUrlState();
  const q = usePromotions({ page, pageSize });
  const [creating, setCreating] = useState(false);
  const f = (k: string) => t(`research.fields.${k}`);
  const columns: ColumnsType<Promotion> = [
    { title: f('promotion'), dataIndex: 'name', width: 220 },
    {
      title: f('dates'),
      key: 'dates',
      width: 210,
      render: (_, p) => `${formatDate(p.startDate)} ~ ${formatDate(p.endDate)}`,
    },
    { title: f('owner'), dataIndex: 'ownerName', width: 100 },
    {
      title: f('stages'),
      key: 'stages',
      width: 200,
      render: (_, p) =>
        t('research.stageCounts', { total: p.stages, approved: p.approvedStages, pending: p.pendingStages }),
    },
    { title: f('budget'), dataIndex: 'budget', width: 140, align: 'right', render: (v) => <MoneyText value={v} /> },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.promotions')}
        extra={
          hasPermission('promotion.manage') ? (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="new-promotion">
              {t('research.newPromotion')}
            </Button>
          ) : null
        }
      />
      <DataTable<Promotion>
        rowTestId="promotion-row"
        columns={columns}
        items={q.data?.items}
        total={q.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={q.isFetching}
        onRowClick={(p) => navigate(`/research/promotions/${p.id}`)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      <NewPromotionModal
        open={creating}
        onClose={(id) => {
          setCreating(false);
          if (id) navigate(`/research/promotions/${id}`);
        }}
      />
    </Card>
  );
}
