import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Select, Switch, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, type Paged } from '../../../app/api';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { readBase64 } from '../../../components/files';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { useCreateComplaint } from '../api';
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES } from '../constants';

type FileBody = { fileName: string; mimeType: string; contentBase64: string };
/** 顾客异议处理单: customer (and its signed delivery), category, severity, description, evidence files. */
export function ComplaintCreateModal({
  customerId,
  deliveryId,
  onClose,
  onCreated,
}: {
  customerId?: number;
  deliveryId?: number;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [keyword, setKeyword] = useState('');
  const [files, setFiles] = useState<FileBody[]>([]);
  const handleError = useApiErrorHandler();
  const create = useCreateComplaint();
  const chosen = Form.useWatch('customerId', form) as number | undefined;
  const customers = useQuery({
    queryKey: ['complaint-customers', keyword],
    queryFn: ({ signal }) =>
      apiFetch<Paged<{ id: number; name: string }>>('/api/customers', { query: { keyword, pageSize: 20 }, signal }),
  });
  // Opened from a customer or delivery page: its customer is chosen already (and may not be in the first page).
  const preset = useQuery({
    queryKey: ['complaint-customer', customerId],
    enabled: !!customerId,
    queryFn: ({ signal }) => apiFetch<{ id: number; name: string }>(`/api/customers/${customerId}`, { signal }),
  });
  const customerOptions = [
    ...(preset.data ? [{ value: preset.data.id, label: preset.data.name }] : []),
    ...(customers.data?.items ?? [])
      .filter((c) => c.id !== preset.data?.id)
      .map((c) => ({ value: c.id, label: c.name })),
  ];
  // Set once the preset customer is known, so the select shows its name (and its deliveries load).
  useEffect(() => {
    if (preset.data) form.setFieldsValue({ customerId: preset.data.id, deliveryId });
  }, [preset.data, deliveryId, form]);
  const deliveries = useQuery({
    queryKey: ['complaint-deliveries', chosen],
    enabled: !!chosen,
    queryFn: ({ signal }) =>
      apiFetch<Paged<{ id: number; no: string; status: string }>>('/api/deliveries', {
        query: { customerId: chosen as number, pageSize: 50 },
        signal,
      }),
  });
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    create.mutate(
      { ...v, deliveryId: v.deliveryId ?? null, qualityIncident: !!v.qualityIncident, files },
      { onSuccess: (c) => onCreated(c.id), onError: (e) => handleError(e, { form }) },
    );
  };
  const label = (f: string) => t(`complaint.field.${f}`);
  return (
    <Modal
      open
      title={t('complaint.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      okButtonProps={buttonTestId('complaint-create-ok')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ severity: 'general', category: 'quality' }}>
        <Form.Item name="customerId" label={label('customerName')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setKeyword }}
            options={customerOptions}
            data-testid="complaint-customer"
          />
        </Form.Item>
        <Form.Item name="deliveryId" label={label('deliveryNo')}>
          <Select
            allowClear
            options={(deliveries.data?.items ?? [])
              .filter((d) => d.status === 'signed')
              .map((d) => ({ value: d.id, label: d.no }))}
            data-testid="complaint-delivery"
          />
        </Form.Item>
        <Form.Item name="category" label={label('category')} rules={[{ required: true }]}>
          <Select options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`complaint.category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="severity" label={label('severity')} rules={[{ required: true }]}>
          <Select options={COMPLAINT_SEVERITIES.map((c) => ({ value: c, label: t(`complaint.severity.${c}`) }))} />
        </Form.Item>
        <Form.Item name="subject" label={label('subject')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} data-testid="complaint-subject" />
        </Form.Item>
        <Form.Item name="description" label={label('description')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="complaint-description" />
        </Form.Item>
        <Form.Item name="qualityIncident" label={t('complaint.qualityIncident')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item label={t('complaint.evidence')}>
          <Upload
            accept="image/png,image/jpeg,image/webp,application/pdf"
            multiple
            beforeUpload={async (file) => {
              const contentBase64 = await readBase64(file);
              setFiles((f) => [...f, { fileName: file.name, mimeType: file.type, contentBase64 }]);
              return false;
            }}
            onRemove={(file) => setFiles((f) => f.filter((x) => x.fileName !== file.name))}
          >
            <Button icon={<UploadOutlined />}>{t('complaint.addEvidence')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
