import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDate } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { validValues } from '../../../components/validValues';
import { CustomerPicker } from '../../opportunities/components/CustomerPicker';
import { useCreateTicket, useDeliveredLines } from '../api';
import { TICKET_PRIORITIES, TICKET_SOURCES, TICKET_TYPES } from '../constants';

interface NewTicketForm {
  customerId?: number;
  deliveryLineId?: number | null;
  type: string;
  source: string;
  priority: string;
  contactName?: string;
  contactPhone?: string;
  subject?: string;
  description?: string;
  dueAt?: Dayjs | null;
}

/** 新建工单: customer → one of its delivered lines (product, batch/serial, warranty shown) → the request. */
export function TicketCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [sp] = useSearchParams();
  const [form] = Form.useForm<NewTicketForm>();
  const customerId = Form.useWatch('customerId', form);
  const lineId = Form.useWatch('deliveryLineId', form);
  const type = Form.useWatch('type', form);
  const lines = useDeliveredLines(customerId);
  const line = lines.data?.items.find((l) => l.id === lineId);
  const create = useCreateTicket();
  const f = (k: string) => t(`service.fields.${k}`);
  const required = [{ required: true, message: t('validation.required') }];

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    create.mutate(
      {
        customerId: v.customerId,
        deliveryLineId: v.deliveryLineId ?? null,
        type: v.type,
        source: v.source,
        priority: v.priority,
        contactName: v.contactName?.trim() || null,
        contactPhone: v.contactPhone?.trim() || null,
        subject: v.subject?.trim(),
        description: v.description?.trim() || null,
        dueAt: v.dueAt ? v.dueAt.toISOString() : null,
      },
      {
        onSuccess: (tk) => {
          message.success(t('service.new.done', { no: tk.no }));
          navigate(`/service/tickets/${tk.id}`);
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  return (
    <Card>
      <PageHeader title={t('menu.newTicket')} onBack={() => navigate('/service/tickets')} />
      <Form<NewTicketForm>
        form={form}
        layout="vertical"
        initialValues={{
          type: sp.get('type') ?? 'repair',
          source: 'hotline',
          priority: 'normal',
          customerId: Number(sp.get('customerId')) || undefined,
        }}
        onValuesChange={(changed) => {
          if ('customerId' in changed) form.setFieldValue('deliveryLineId', null);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="customerId" label={f('customer')} rules={required}>
              <CustomerPicker testId="ticket-customer" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="deliveryLineId" label={f('deliveredLine')} extra={t('service.new.lineHint')}>
              <Select
                allowClear
                disabled={!customerId}
                loading={lines.isFetching}
                placeholder={customerId ? t('service.new.pickLine') : t('service.new.pickCustomerFirst')}
                notFoundContent={t('service.new.noLines')}
                data-testid="ticket-line"
                options={(lines.data?.items ?? []).map((l) => ({
                  value: l.id,
                  label: [
                    `${l.productCode} ${l.productName}`,
                    [l.batchNo, l.serialNo].filter(Boolean).join(' / '),
                    t('service.new.signedOn', { date: formatDate(l.signedOn), no: l.deliveryNo }),
                  ]
                    .filter(Boolean)
                    .join(' · '),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        {line ? (
          <Alert
            style={{ marginBottom: 16 }}
            type={line.inWarranty ? 'success' : 'warning'}
            showIcon
            data-testid="ticket-warranty"
            message={
              line.inWarranty
                ? t('service.warranty.inUntil', { date: formatDate(line.warrantyUntil) })
                : line.warrantyUntil
                  ? t('service.warranty.outSince', { date: formatDate(line.warrantyUntil) })
                  : t('service.warranty.none')
            }
          />
        ) : null}
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item name="type" label={f('type')} rules={required}>
              <Select
                data-testid="ticket-type"
                options={TICKET_TYPES.map((v) => ({ value: v, label: t(`service.type.${v}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="source" label={f('source')} rules={required}>
              <Select options={TICKET_SOURCES.map((v) => ({ value: v, label: t(`service.source.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="priority" label={f('priority')} rules={required}>
              <Select
                data-testid="ticket-priority"
                options={TICKET_PRIORITIES.map((v) => ({ value: v, label: t(`service.priority.${v}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contactName" label={f('contactName')}>
              <Input maxLength={100} data-testid="ticket-contact" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="contactPhone" label={f('contactPhone')}>
              <Input maxLength={40} data-testid="ticket-phone" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="subject" label={f('subject')} rules={[{ ...required[0], whitespace: true }]}>
              <Input maxLength={200} data-testid="ticket-subject" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="description" label={f('description')}>
              <Input.TextArea rows={3} maxLength={4000} data-testid="ticket-description" />
            </Form.Item>
          </Col>
          {type === 'installation' ? (
            <Col xs={24} sm={12}>
              <Form.Item name="dueAt" label={f('dueAt')} extra={t('service.new.dueHint')}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Space>
          <Button type="primary" loading={create.isPending} onClick={() => void submit()} data-testid="ticket-submit">
            {t('service.new.submit')}
          </Button>
          <Button onClick={() => navigate('/service/tickets')}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
