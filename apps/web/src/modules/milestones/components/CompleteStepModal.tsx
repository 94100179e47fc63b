import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { readBase64 } from '../../../components/files';
import { validValues } from '../../../components/validValues.ts';
import { useMilestoneCommand } from '../api';
import type { MilestoneProcess, MilestoneStep } from '../types';

type FileBody = { fileName: string; mimeType: string; contentBase64: string };

/** Completes one step: a note and one file per required document (the server refuses a missing one). */
export function CompleteStepModal({
  process,
  step,
  onClose,
}: {
  process: MilestoneProcess;
  step: MilestoneStep | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const [files, setFiles] = useState<Record<string, FileBody>>({});
  const command = useMilestoneCommand();
  const handleError = useApiErrorHandler();
  const submit = async () => {
    if (!step) return;
    const v = await validValues(form);
    if (!v) return;
    try {
      await command.mutateAsync({
        path: `/api/milestone-processes/${process.id}/complete-step`,
        body: {
          stepId: step.id,
          note: v.note ?? null,
          documents: Object.entries(files).map(([name, file]) => ({ name, file })),
          version: process.version,
        },
      });
      setFiles({});
      onClose();
    } catch (e) {
      handleError(e, { form });
    }
  };
  return (
    <Modal
      title={step ? t('milestones.complete.title', { step: step.name }) : ''}
      open={!!step}
      onCancel={() => {
        setFiles({});
        onClose();
      }}
      onOk={() => void submit()}
      confirmLoading={command.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        {step?.requiredDocuments.map((name, i) => (
          <Form.Item key={name} label={name} required>
            <Space>
              <Button icon={<UploadOutlined />} onClick={() => document.getElementById(`step-doc-${i}`)?.click()}>
                {files[name]?.fileName ?? t('milestones.complete.choose')}
              </Button>
              <input
                id={`step-doc-${i}`}
                type="file"
                accept="application/pdf,image/png,image/jpeg,image/webp"
                style={{ display: 'none' }}
                data-testid={`step-doc-${i}`}
                onChange={async (e) => {
                  const f = e.target.files?.[0];
                  if (!f) return;
                  const body = { fileName: f.name, mimeType: f.type, contentBase64: await readBase64(f) };
                  setFiles((prev) => ({ ...prev, [name]: body }));
                }}
              />
            </Space>
          </Form.Item>
        ))}
        <Form.Item name="note" label={t('milestones.fields.completionNote')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
