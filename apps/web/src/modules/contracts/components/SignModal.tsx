import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { useContractCommand } from '../api';
import type { ContractDetail } from '../types';

interface Values {
  signedDate: Dayjs;
  ourSignatory: string;
  customerSignatory: string;
}
interface Scan {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

const MIME = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'];
const MAX_MB = 10;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** 合同签订: date, both signatories and the scanned signed copy (required). */
export function SignModal({
  contract,
  open,
  onClose,
}: {
  contract: ContractDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const cmd = useContractCommand(contract.id);
  const [form] = Form.useForm<Values>();
  const [scan, setScan] = useState<Scan | null>(null);
  const [scanError, setScanError] = useState<string | null>(null);

  const pick = async (file: File) => {
    if (!MIME.includes(file.type)) return setScanError(t('contract.sign.scanType'));
    if (file.size > MAX_MB * 1024 * 1024) return setScanError(t('contract.sign.scanTooLarge', { mb: MAX_MB }));
    setScanError(null);
    setScan({ fileName: file.name, mimeType: file.type, contentBase64: await readBase64(file) });
  };

  const submit = (v: Values) => {
    if (!scan) return setScanError(t('contract.sign.scanRequired'));
    cmd.mutate(
      {
        action: 'sign',
        body: {
          version: contract.version,
          signedDate: v.signedDate.format('YYYY-MM-DD'),
          ourSignatory: v.ourSignatory.trim(),
          customerSignatory: v.customerSignatory.trim(),
          scan,
        },
      },
      {
        onSuccess: () => {
          message.success(t('contract.done.sign'));
          onClose();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('contract.action.sign')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={cmd.isPending}
      destroyOnHidden
      data-testid="contract-sign-modal"
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ signedDate: dayjs() }}>
        <Form.Item
          name="signedDate"
          label={t('fields.contract.signedDate')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="ourSignatory"
          label={t('fields.contract.ourSignatory')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={50} data-testid="contract-our-signatory" />
        </Form.Item>
        <Form.Item
          name="customerSignatory"
          label={t('fields.contract.customerSignatory')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={50} data-testid="contract-customer-signatory" />
        </Form.Item>
        <Form.Item
          label={t('contract.sign.scan')}
          required
          validateStatus={scanError ? 'error' : undefined}
          help={scanError ?? t('contract.sign.scanHint', { mb: MAX_MB })}
        >
          <Upload
            accept={MIME.join(',')}
            maxCount={1}
            beforeUpload={(f) => {
              void pick(f);
              return false;
            }}
            onRemove={() => setScan(null)}
          >
            <Button icon={<UploadOutlined />} data-testid="contract-scan-upload">
              {t('contract.sign.chooseFile')}
            </Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
