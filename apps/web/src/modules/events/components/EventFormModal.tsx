import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { BUDGET_CATEGORIES } from '@sales/core';
import { useQuery } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, type ItemsResponse } from '../../../app/api';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DictSelect } from '../../../components/DictSelect';
import { MoneyInput } from '../../../components/MoneyInput';
import { ProductPicker } from '../../../components/ProductPicker';
import type { ProductFacts } from '../../../components/pricedLines';
import { buttonTestId } from '../../../components/testId';
import { UserSelect } from '../../../components/UserSelect';
import { useEventCommand } from '../api';
import type { EventDetail } from '../types';

interface FormValues {
  theme: string;
  time: [Dayjs, Dayjs];
  venue?: string;
  capacity: number;
  agenda?: string;
  speakers?: string;
  materials?: string;
  giftWarehouseId?: number;
  responsibleIds?: number[];
  script?: string;
  budget: { category: string; budget: string; actual?: string; note?: string }[];
}

const DEFAULT_SCRIPT =
  '您好，[客户姓名]，我是[公司名称]的销售[你的姓名]。我们公司近期将举办一场关于[产品/服务主题]的活动，届时会有行业专家分享经验，还有很多优惠活动。时间是[时间]，地点在[地点]。您看您有时间过来吗？';

/**
 * The event plan (seed 001 会议筹备): theme, agenda, speakers, venue, time, capacity, gift, the
 * responsible people, the invitation script and the budget by category. Once approved, only the
 * actual spend per budget line is booked here (`actualsOnly`).
 */
export function EventFormModal({
  event,
  actualsOnly = false,
  onClose,
  onSaved,
}: {
  event?: EventDetail;
  actualsOnly?: boolean;
  onClose: () => void;
  onSaved?: (id: number) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const command = useEventCommand<EventDetail>();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const [gift, setGift] = useState<{ id: number; label: string } | null>(
    event?.giftProductId ? { id: event.giftProductId, label: event.giftName ?? '' } : null,
  );
  const warehouses = useQuery({
    queryKey: ['events', 'warehouses'],
    queryFn: ({ signal }) => apiFetch<ItemsResponse<{ id: number; name: string }>>('/api/warehouses', { signal }),
    staleTime: 5 * 60_000,
  });
  const f = (k: string) => t(`events.fields.${k}`);
  const initial: Partial<FormValues> = event
    ? {
        theme: event.theme,
        time: [dayjs(event.startsAt), dayjs(event.endsAt)],
        venue: event.venue ?? undefined,
        capacity: event.capacity,
        agenda: event.agenda ?? undefined,
        speakers: event.speakers ?? undefined,
        materials: event.materials ?? undefined,
        giftWarehouseId: event.giftWarehouseId ?? undefined,
        responsibleIds: event.responsibleIds,
        script: event.script ?? undefined,
        budget: event.budget.map((b) => ({ ...b, note: b.note ?? undefined })),
      }
    : { capacity: 50, script: DEFAULT_SCRIPT, budget: [{ category: 'venue', budget: '' }] };

  const save = async (v: FormValues) => {
    const body = {
      theme: v.theme,
      startsAt: v.time[0].toISOString(),
      endsAt: v.time[1].toISOString(),
      venue: v.venue || null,
      capacity: v.capacity,
      agenda: v.agenda || null,
      speakers: v.speakers || null,
      materials: v.materials || null,
      giftProductId: gift?.id ?? null,
      giftWarehouseId: gift ? (v.giftWarehouseId ?? null) : null,
      responsibleIds: v.responsibleIds ?? [],
      script: v.script || null,
      budget: v.budget.map((b) => ({
        category: b.category,
        budget: b.budget,
        actual: b.actual || '0',
        note: b.note || null,
      })),
    };
    try {
      const saved = event
        ? await command.mutateAsync({
            path: `/events/${event.id}`,
            method: 'PUT',
            body: { ...body, version: event.version },
          })
        : await command.mutateAsync({ path: '/events', body });
      message.success(t('events.saved'));
      onSaved?.(saved.id);
      onClose();
    } catch (err) {
      handleError(err, { form });
    }
  };

  const locked = actualsOnly;
  return (
    <Modal
      open
      width={760}
      title={actualsOnly ? t('events.editActuals') : event ? t('events.edit') : t('events.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('event-save')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} disabled={command.isPending}>
        <Form.Item name="theme" label={f('theme')} rules={[{ required: true }]}>
          <Input maxLength={200} disabled={locked} data-testid="event-theme" />
        </Form.Item>
        <Space wrap size="middle" style={{ width: '100%' }}>
          <Form.Item name="time" label={f('time')} rules={[{ required: true }]}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabled={locked}
              data-testid="event-time"
            />
          </Form.Item>
          <Form.Item name="capacity" label={f('capacity')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100000} precision={0} disabled={locked} data-testid="event-capacity" />
          </Form.Item>
        </Space>
        <Form.Item name="venue" label={f('venue')}>
          <Input maxLength={300} disabled={locked} data-testid="event-venue" />
        </Form.Item>
        {!locked && (
          <>
            <Form.Item name="agenda" label={f('agenda')}>
              <Input.TextArea rows={3} maxLength={4000} />
            </Form.Item>
            <Form.Item name="speakers" label={f('speakers')}>
              <Input maxLength={1000} />
            </Form.Item>
            <Form.Item name="materials" label={f('materials')}>
              <Input maxLength={2000} />
            </Form.Item>
            <Form.Item label={f('gift')}>
              <Space wrap>
                {gift && <Typography.Text>{gift.label}</Typography.Text>}
                <ProductPicker<ProductFacts & { code: string; name: string }>
                  testId="event-gift"
                  placeholder={t('events.fields.gift')}
                  onPick={(p) => setGift({ id: p.id, label: `${p.code} ${p.name}` })}
                />
                {gift && (
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => setGift(null)}
                    aria-label={t('events.detach')}
                  />
                )}
              </Space>
            </Form.Item>
            {gift && (
              <Form.Item name="giftWarehouseId" label={f('giftWarehouse')}>
                <Select
                  data-testid="event-gift-warehouse"
                  options={(warehouses.data?.items ?? []).map((w) => ({ value: w.id, label: w.name }))}
                />
              </Form.Item>
            )}
            <Form.Item name="responsibleIds" label={f('responsible')}>
              <UserSelect mode="multiple" testId="event-responsible" />
            </Form.Item>
            <Form.Item name="script" label={t('events.script')} extra={t('events.scriptHint')}>
              <Input.TextArea rows={4} maxLength={4000} data-testid="event-script" />
            </Form.Item>
          </>
        )}
        <Typography.Title level={5}>{f('budget')}</Typography.Title>
        <Form.List name="budget">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} wrap align="start">
                  <Form.Item name={[field.name, 'category']} rules={[{ required: true }]}>
                    <DictSelect
                      dict="events.budgetCategory"
                      values={BUDGET_CATEGORIES}
                      disabled={locked}
                      style={{ width: 130 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'budget']} rules={[{ required: true }]}>
                    <MoneyInput
                      placeholder={f('budget')}
                      disabled={locked}
                      style={{ width: 140 }}
                      testId={`event-budget-${field.name}`}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'actual']}>
                    <MoneyInput
                      placeholder={f('actual')}
                      style={{ width: 140 }}
                      testId={`event-actual-${field.name}`}
                    />
                  </Form.Item>
                  {!locked && (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                      aria-label={t('events.detach')}
                    />
                  )}
                </Space>
              ))}
              {!locked && (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ category: 'other', budget: '' })}
                  data-testid="event-budget-add"
                >
                  {t('events.addBudget')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
