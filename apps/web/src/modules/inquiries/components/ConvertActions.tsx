import { useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { apiFetch, type ItemsResponse } from '../../../app/api';
import { getDuplicate, useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { MoneyInput } from '../../../components/MoneyInput';
import { validValues } from '../../../components/validValues.ts';
import { type Inquiry, useInquiryMutation } from '../api';

/** 转客户 / 转商机 in one step; a duplicate customer is shown with the existing one (nothing created). */
export function ConvertActions({ q }: { q: Inquiry }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const { hasPermission } = useAuth();
  const onError = useApiErrorHandler();
  const [oppOpen, setOppOpen] = useState(false);
  const [form] = Form.useForm();
  const toCustomer = useInquiryMutation<{ version: number }, { customerId: number }>(
    `/api/inquiries/${q.id}/convert-customer`,
  );
  const toOpp = useInquiryMutation<Record<string, unknown>, { opportunityId: number }>(
    `/api/inquiries/${q.id}/convert-opportunity`,
  );
  const pipelines = useQuery({
    queryKey: ['pipelines', 'options'],
    queryFn: () => apiFetch<ItemsResponse<{ id: number; name: string }>>('/api/pipelines'),
    enabled: oppOpen,
  });
  const failed = (e: unknown) => {
    const dup = getDuplicate(e);
    if (!dup) return onError(e, { form });
    modal.warning({
      title: t('inquiries.duplicate'),
      content: dup.message,
      okText: dup.customerId ? t('inquiries.openCustomer') : t('common.ok'),
      onOk: () => (dup.customerId ? navigate(`/customers/${dup.customerId}`) : undefined),
    });
  };
  if (!hasPermission('customer.create')) return null;
  return (
    <Space wrap>
      {q.customerId ? null : (
        <Button
          data-testid="inquiry-to-customer"
          loading={toCustomer.isPending}
          onClick={() => toCustomer.mutate({ version: q.version }, { onError: failed })}
        >
          {t('inquiries.toCustomer')}
        </Button>
      )}
      {q.opportunityId || !hasPermission('opportunity.create') ? null : (
        <Button data-testid="inquiry-to-opportunity" onClick={() => setOppOpen(true)}>
          {t('inquiries.toOpportunity')}
        </Button>
      )}
      <Modal
        open={oppOpen}
        title={t('inquiries.toOpportunity')}
        onCancel={() => setOppOpen(false)}
        okButtonProps={{ loading: toOpp.isPending }}
        onOk={async () => {
          const v = await validValues(form);
          if (!v) return;
          toOpp.mutate(
            { ...v, version: q.version },
            { onSuccess: (r) => navigate(`/opportunities/${r.opportunityId}`), onError: failed },
          );
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ name: `${q.company ?? q.contactName}` }}>
          <Form.Item name="name" label={t('inquiries.fields.opportunityName')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="pipelineId" label={t('inquiries.fields.pipeline')} rules={[{ required: true }]}>
            <Select
              loading={pipelines.isLoading}
              options={(pipelines.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item name="amount" label={t('inquiries.fields.amount')}>
            <MoneyInput />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
