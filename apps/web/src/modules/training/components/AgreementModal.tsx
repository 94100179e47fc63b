import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Modal, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { ATTACHMENT_ACCEPT, type FileUpload, toUpload } from '../../../components/files';
import { buttonTestId } from '../../../components/testId';
import { useTrainingCommand } from '../api';
import type { StaffDetail } from '../types';

/** The signed confidentiality agreement (seed 001 保密措施 1): the signing date and the signed copy. */
export function AgreementModal({ person, onClose }: { person: StaffDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ signedOn: Dayjs }>();
  const [file, setFile] = useState<FileUpload | null>(null);
  const command = useTrainingCommand();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const save = async (v: { signedOn: Dayjs }) => {
    try {
      await command.mutateAsync({
        path: `/training/staff/${person.userId}/agreement`,
        method: 'PUT',
        body: { signedOn: v.signedOn.format('YYYY-MM-DD'), file, version: person.version },
      });
      message.success(t('training.saved'));
      onClose();
    } catch (err) {
      handleError(err, { form });
    }
  };
  return (
    <Modal
      open
      title={t('training.recordAgreement')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('agreement-save')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ signedOn: person.agreementSignedOn ? dayjs(person.agreementSignedOn) : undefined }}
        onFinish={save}
        disabled={command.isPending}
      >
        <Form.Item name="signedOn" label={t('training.fields.signedOn')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="agreement-date" />
        </Form.Item>
        <Form.Item label={t('training.fields.agreementFile')}>
          <Upload
            accept={ATTACHMENT_ACCEPT}
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              void toUpload(f).then(setFile);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="agreement-file">
              {t('training.chooseFile')}
            </Button>
          </Upload>
          {file ? <Typography.Text style={{ marginInlineStart: 8 }}>{file.fileName}</Typography.Text> : null}
        </Form.Item>
      </Form>
    </Modal>
  );
}
