import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useTrainingCommand } from '../api';
import type { Certificate } from '../types';

interface FormValues {
  name: string;
  number: string;
  issuedOn: Dayjs;
  expiresOn?: Dayjs | null;
}

/** A qualification certificate: name, number, issue date and expiry (none: does not expire). */
export function CertificateModal({
  userId,
  certificate,
  onClose,
}: {
  userId: number;
  certificate?: Certificate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const command = useTrainingCommand();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const f = (k: string) => t(`training.fields.${k}`);
  const initial = certificate
    ? {
        name: certificate.name,
        number: certificate.number,
        issuedOn: dayjs(certificate.issuedOn),
        expiresOn: certificate.expiresOn ? dayjs(certificate.expiresOn) : null,
      }
    : {};
  const save = async (v: FormValues) => {
    const body = {
      name: v.name,
      number: v.number,
      issuedOn: v.issuedOn.format('YYYY-MM-DD'),
      expiresOn: v.expiresOn ? v.expiresOn.format('YYYY-MM-DD') : null,
    };
    try {
      if (certificate)
        await command.mutateAsync({
          path: `/training/certificates/${certificate.id}`,
          method: 'PUT',
          body: { ...body, version: certificate.version },
        });
      else await command.mutateAsync({ path: `/training/staff/${userId}/certificates`, body });
      message.success(t('training.saved'));
      onClose();
    } catch (err) {
      handleError(err, { form });
    }
  };
  return (
    <Modal
      open
      title={certificate ? t('training.editCertificate') : t('training.addCertificate')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('certificate-save')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={save} disabled={command.isPending}>
        <Form.Item name="name" label={f('certName')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="certificate-name" />
        </Form.Item>
        <Form.Item name="number" label={f('certNumber')} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="certificate-number" />
        </Form.Item>
        <Form.Item name="issuedOn" label={f('issuedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="certificate-issued" />
        </Form.Item>
        <Form.Item name="expiresOn" label={f('expiresOn')} extra={t('training.noExpiryHint')}>
          <DatePicker style={{ width: '100%' }} data-testid="certificate-expires" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
