import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { ApiError } from '../../../app/api';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { CustomerPicker } from '../../opportunities/components/CustomerPicker';
import { SalesActivationNotice } from '../../training/components/SalesActivationNotice';
import { useCustomerContacts, useCustomerOpportunities, useQuote, useSaveQuote } from '../api';
import { QuoteLineEditor } from '../components/QuoteLineEditor';
import { belowFloor, isLineValid, type LineDraft, lineFromQuote, toLineInput } from '../lineDraft';
import type { QuoteBody } from '../types';

interface FormValues {
  customerId?: number;
  contactId?: number | null;
  opportunityId?: number | null;
  title: string;
  validUntil?: Dayjs | null;
  deliveryTerms?: string | null;
  paymentTerms?: string | null;
  remark?: string | null;
}

const trimOrNull = (v?: string | null) => (v?.trim() ? v.trim() : null);

/** Create or edit a draft quote (报价单): header, lines with live totals, validity. */
export function QuoteFormPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const [sp] = useSearchParams();
  const id = idParam ? Number(idParam) : undefined;
  const isEdit = id !== undefined;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const handleError = useApiErrorHandler();
  const query = useQuote(id ?? 0);
  const save = useSaveQuote(id);
  const q = query.data;
  const [lines, setLines] = useState<LineDraft[]>([]);
  const [lineError, setLineError] = useState<string | null>(null);
  const customerId = Form.useWatch('customerId', form) ?? q?.customerId;
  const contacts = useCustomerContacts(customerId);
  const { hasPermission } = useAuth();
  const opportunities = useCustomerOpportunities(customerId, hasPermission('opportunity.view'));
  const loaded = useRef(false);

  useEffect(() => {
    if (q && !loaded.current) {
      loaded.current = true;
      setLines(q.lines.map(lineFromQuote));
    }
  }, [q]);

  if (isEdit && !Number.isInteger(id)) return <NotFoundPage />;
  if (isEdit && query.isPending) return <PageSpinner />;
  if (isEdit && query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  const initialValues: Partial<FormValues> = q
    ? {
        customerId: q.customerId,
        contactId: q.contactId,
        opportunityId: q.opportunityId,
        title: q.title,
        validUntil: dayjs(q.validUntil),
        deliveryTerms: q.deliveryTerms,
        paymentTerms: q.paymentTerms,
        remark: q.remark,
      }
    : {
        customerId: Number(sp.get('customerId')) || undefined,
        // 新建报价 from an opportunity's page.
        opportunityId: Number(sp.get('opportunityId')) || undefined,
      };

  const onSubmit = (v: FormValues) => {
    if (lines.length === 0) return setLineError(t('quote.form.linesRequired'));
    if (!lines.every(isLineValid)) return setLineError(t('quote.form.linesInvalid'));
    setLineError(null);
    const body: QuoteBody = {
      contactId: v.contactId ?? null,
      opportunityId: v.opportunityId ?? null,
      title: v.title.trim(),
      validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : undefined,
      deliveryTerms: trimOrNull(v.deliveryTerms),
      paymentTerms: trimOrNull(v.paymentTerms),
      remark: trimOrNull(v.remark),
      lines: lines.map(toLineInput),
    };
    const payload = isEdit && q ? { ...body, version: q.version } : { ...body, customerId: v.customerId };
    save.mutate(payload, {
      onSuccess: (saved) => {
        message.success(t(isEdit ? 'common.updated' : 'common.created'));
        navigate(`/quotes/${saved.id}`, { replace: true });
      },
      onError: (err) => {
        // Line errors (lines.0.qty…) are shown under the line table.
        if (err instanceof ApiError && err.status === 400) {
          const le = err.fields.find((f) => f.field.startsWith('lines'));
          if (le) {
            const n = Number(le.field.split('.')[1]);
            setLineError(
              Number.isInteger(n) ? t('quote.form.lineError', { line: n + 1, message: le.message }) : le.message,
            );
          }
        }
        handleError(err, { form, onStale: () => window.location.reload() });
      },
    });
  };

  const needsApproval = lines.some(belowFloor);
  return (
    <Card>
      <PageHeader
        title={isEdit ? t('quote.editTitle') : t('quote.newTitle')}
        subTitle={q ? `${q.no} · ${t('quote.revision', { n: q.revision })}` : undefined}
        onBack={() => navigate(-1)}
      />
      {isEdit ? null : <SalesActivationNotice />}
      {needsApproval ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('quote.form.belowFloorHint')}
          data-testid="quote-below-floor-hint"
        />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={onSubmit}
        data-testid="quote-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="customerId"
              label={t('fields.quote.customerName')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <CustomerPicker
                disabled={isEdit}
                initialOption={q ? { id: q.customerId, no: q.customerNo ?? '', name: q.customerName ?? '' } : null}
                onChange={() => {
                  form.setFieldValue('contactId', null);
                  form.setFieldValue('opportunityId', null);
                }}
                testId="quote-customer"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="contactId" label={t('fields.quote.contactName')}>
              <Select
                allowClear
                options={(contacts.data?.items ?? []).map((c) => ({
                  value: c.id,
                  label: c.mobile ? `${c.name} ${c.mobile}` : c.name,
                }))}
              />
            </Form.Item>
          </Col>
          {hasPermission('opportunity.view') ? (
            <Col xs={24} md={8}>
              <Form.Item name="opportunityId" label={t('fields.quote.opportunity')}>
                <Select
                  allowClear
                  data-testid="quote-opportunity"
                  placeholder={t('quote.form.opportunityHint')}
                  options={(opportunities.data?.items ?? []).map((o) => ({
                    value: o.id,
                    label: `${o.no} ${o.name}`,
                  }))}
                />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={8}>
            <Form.Item
              name="validUntil"
              label={t('fields.quote.validUntil')}
              extra={isEdit ? undefined : t('quote.form.validityDefault')}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="title"
              label={t('fields.quote.title')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={200} data-testid="quote-title" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('quote.lines')} required>
          <QuoteLineEditor lines={lines} onChange={setLines} error={lineError} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="deliveryTerms" label={t('fields.quote.deliveryTerms')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="paymentTerms" label={t('fields.quote.paymentTerms')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="remark" label={t('fields.quote.remark')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="quote-save">
            {t('common.save')}
          </Button>
          <Button onClick={() => (isEdit ? navigate(`/quotes/${id}`) : navigate(-1))}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
