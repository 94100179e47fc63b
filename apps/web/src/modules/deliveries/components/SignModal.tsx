import { UploadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Modal, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readBase64 } from '../../../components/files';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import type { DeliveryDetail } from '../types';

export interface SignValues {
  signerName: string;
  signedDate: string;
  file: { fileName: string; mimeType: string; contentBase64: string };
  lines: { lineId: number; receivedQty: string }[];
  discrepancy?: string | null;
}

/** 客户签收: signer, date, the scanned signed copy, received qty per line and any discrepancy. */
export function SignModal({
  delivery,
  open,
  submitting,
  onClose,
  onSubmit,
}: {
  delivery: DeliveryDetail;
  open: boolean;
  submitting: boolean;
  onClose: () => void;
  onSubmit: (v: SignValues) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{
    signerName: string;
    signedDate: Dayjs;
    discrepancy?: string;
    received: Record<string, string>;
  }>();
  const [file, setFile] = useState<SignValues['file'] | null>(null);
  const [fileError, setFileError] = useState(false);
  const received = Form.useWatch('received', form) ?? {};
  const differs = delivery.lines.some((l) => received[l.id] !== undefined && Number(received[l.id]) !== Number(l.qty));

  const submit = async () => {
    const v = await validValues(form);
    if (!file) setFileError(true);
    if (!v || !file) return;
    onSubmit({
      signerName: v.signerName.trim(),
      signedDate: v.signedDate.format('YYYY-MM-DD'),
      file,
      lines: delivery.lines.map((l) => ({ lineId: l.id, receivedQty: String(v.received[l.id] ?? '').trim() })),
      discrepancy: v.discrepancy?.trim() || null,
    });
  };

  return (
    <Modal
      open={open}
      width={720}
      title={t('delivery.sign.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={submitting}
      okButtonProps={buttonTestId('sign-submit')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ signedDate: dayjs(), received: Object.fromEntries(delivery.lines.map((l) => [l.id, l.qty])) }}
      >
        <Form.Item
          name="signerName"
          label={t('fields.delivery.signerName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={50} data-testid="sign-signer" />
        </Form.Item>
        <Form.Item
          name="signedDate"
          label={t('fields.delivery.signedDate')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker data-testid="sign-date" />
        </Form.Item>
        <Form.Item
          label={t('delivery.sign.copy')}
          required
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ? t('delivery.sign.copyRequired') : t('delivery.sign.copyHint')}
        >
          <Button icon={<UploadOutlined />} onClick={() => document.getElementById('sign-file-input')?.click()}>
            {file ? file.fileName : t('delivery.sign.choose')}
          </Button>
          <input
            id="sign-file-input"
            type="file"
            accept="application/pdf,image/png,image/jpeg,image/webp"
            style={{ display: 'none' }}
            data-testid="sign-file"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (!f) return;
              setFile({ fileName: f.name, mimeType: f.type, contentBase64: await readBase64(f) });
              setFileError(false);
            }}
          />
        </Form.Item>
        <Typography.Text strong>{t('delivery.sign.received')}</Typography.Text>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={delivery.lines}
          style={{ margin: '8px 0 16px' }}
          columns={[
            { title: '#', dataIndex: 'lineNo', width: 40 },
            {
              title: t('fields.delivery.product'),
              key: 'p',
              render: (_, l) => `${l.productCode ?? ''} ${l.productName}`,
            },
            { title: t('fields.delivery.qty'), dataIndex: 'qty', align: 'right' },
            {
              title: t('fields.delivery.receivedQty'),
              key: 'r',
              width: 140,
              render: (_, l) => (
                <Form.Item
                  name={['received', String(l.id)]}
                  noStyle
                  rules={[{ required: true, pattern: /^\d+(\.\d{1,4})?$/, message: t('validation.required') }]}
                >
                  <Input data-testid={`sign-received-${l.lineNo}`} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Form.Item
          name="discrepancy"
          label={t('fields.delivery.discrepancy')}
          rules={differs ? [{ required: true, whitespace: true, message: t('delivery.sign.discrepancyRequired') }] : []}
        >
          <Input.TextArea rows={2} maxLength={1000} data-testid="sign-discrepancy" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
