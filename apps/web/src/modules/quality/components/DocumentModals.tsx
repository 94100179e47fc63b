import { Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { UserSelect } from '../../../components/UserSelect';
import { useModalFit } from '../../../components/useModalFit';
import { validValues } from '../../../components/validValues.ts';
import { useQualityCommand } from '../api';
import { DOCUMENT_KINDS } from '../constants';
import type { DocumentDetail } from '../types';
import { DeptSelect } from './DeptSelect';

export type DocumentStep = 'create' | 'edit' | 'version' | 'distribute';

type Values = Record<string, unknown> & { effectiveDate?: Dayjs };

/**
 * The document register (新增 / 编辑 a controlled document, its first version on creation), a new
 * version (文件换版: supersedes the current one), or copies issued to holders (发放).
 */
export function DocumentModal({
  step,
  doc,
  onClose,
  onSaved,
}: {
  step: DocumentStep;
  doc?: DocumentDetail;
  onClose: () => void;
  onSaved?: (id: number) => void;
}) {
  const { t } = useTranslation();
  const fit = useModalFit();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const command = useQualityCommand();
  const f = (k: string) => t(`quality.fields.${k}`);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const date = v.effectiveDate?.format('YYYY-MM-DD');
    const req = {
      create: {
        path: '/controlled-documents',
        body: { ...v, effectiveDate: date, changeSummary: v.changeSummary || null },
      },
      edit: { path: `/controlled-documents/${doc?.id}`, method: 'PUT' as const, body: { ...v, version: doc?.version } },
      version: {
        path: `/controlled-documents/${doc?.id}/versions`,
        body: { ...v, effectiveDate: date, version: doc?.version },
      },
      distribute: { path: `/controlled-documents/${doc?.id}/distributions`, body: v },
    }[step];
    try {
      const r = await command.mutateAsync(req);
      onClose();
      onSaved?.(r.id);
    } catch (e) {
      handleError(e, { form });
    }
  };
  const register = step === 'create' || step === 'edit';
  const initial = {
    create: { kind: 'procedure', effectiveDate: dayjs() },
    edit: doc,
    version: { effectiveDate: dayjs(), reissue: true },
    distribute: {},
  }[step];
  return (
    <Modal
      open
      {...fit}
      title={t(`quality.docSteps.${step}`)}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId(`document-${step}-ok`)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial as Values}>
        {register && (
          <>
            <Form.Item name="code" label={f('code')} rules={[{ required: true }]}>
              <Input maxLength={60} data-testid="document-code" />
            </Form.Item>
            <Form.Item name="title" label={f('docTitle')} rules={[{ required: true }]}>
              <Input maxLength={200} data-testid="document-title" />
            </Form.Item>
            <Form.Item name="kind" label={f('docKind')} rules={[{ required: true }]}>
              <Select options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`quality.docKind.${k}`) }))} />
            </Form.Item>
            <Form.Item name="ownerDeptId" label={f('ownerDept')} rules={[{ required: true }]}>
              <DeptSelect />
            </Form.Item>
          </>
        )}
        {(step === 'create' || step === 'version') && (
          <>
            <Form.Item
              name="label"
              label={f('versionLabel')}
              rules={[{ required: true }]}
              extra={t('quality.versionHint')}
            >
              <Input maxLength={30} data-testid="document-label" />
            </Form.Item>
            <Form.Item name="effectiveDate" label={f('effectiveDate')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="changeSummary"
              label={f('changeSummary')}
              rules={step === 'version' ? [{ required: true }] : []}
            >
              <Input.TextArea rows={3} maxLength={2000} data-testid="document-change" />
            </Form.Item>
          </>
        )}
        {step === 'version' && (
          <Form.Item name="reissue" valuePropName="checked">
            <Checkbox data-testid="document-reissue">{t('quality.reissue')}</Checkbox>
          </Form.Item>
        )}
        {step === 'distribute' && (
          <Form.Item
            name="holderIds"
            label={f('holders')}
            rules={[{ required: true }]}
            extra={t('quality.distributeHint')}
          >
            <UserSelect mode="multiple" testId="document-holders" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
