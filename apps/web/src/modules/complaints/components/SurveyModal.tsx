import { useMutation, useQuery } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, type Paged } from '../../../app/api';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';

/** 满意度调查: a title, the call script, the due date and the customers to call (one visit each). */
export function SurveyModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; script: string; dueDate: Dayjs; customerIds: number[] }>();
  const [keyword, setKeyword] = useState('');
  const handleError = useApiErrorHandler();
  const customers = useQuery({
    queryKey: ['survey-customers', keyword],
    queryFn: ({ signal }) =>
      apiFetch<Paged<{ id: number; name: string }>>('/api/customers', { query: { keyword, pageSize: 50 }, signal }),
  });
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      apiFetch<{ visits: number }>('/api/satisfaction-surveys', { method: 'POST', body }),
  });
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    create.mutate(
      { ...v, dueDate: v.dueDate.format('YYYY-MM-DD') },
      {
        onSuccess: (r) => {
          void message.success(t('satisfaction.surveyCreated', { n: r.visits }));
          onClose();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };
  return (
    <Modal
      open
      title={t('satisfaction.newSurvey')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      okButtonProps={buttonTestId('survey-ok')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ script: t('satisfaction.defaultScript') }}>
        <Form.Item name="title" label={t('satisfaction.field.title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="script" label={t('satisfaction.field.script')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="dueDate" label={t('satisfaction.field.dueDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="customerIds" label={t('satisfaction.field.customers')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            showSearch={{ filterOption: false, onSearch: setKeyword }}
            options={(customers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
