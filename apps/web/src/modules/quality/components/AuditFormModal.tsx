import { DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { UserSelect } from '../../../components/UserSelect';
import { useModalFit } from '../../../components/useModalFit';
import { validValues } from '../../../components/validValues.ts';
import { useQualityCommand } from '../api';
import type { AuditDetail } from '../types';
import { DeptSelect } from './DeptSelect';

interface Values {
  title: string;
  scope: string;
  auditDate: Dayjs;
  auditedDeptId: number;
  leadAuditorId: number;
  auditors?: string;
}

/** Plans an internal audit (or edits a planned one): what is audited, when, which department, by whom. */
export function AuditFormModal({
  audit,
  onClose,
  onSaved,
}: {
  audit?: AuditDetail;
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
    const body = { ...v, auditDate: v.auditDate.format('YYYY-MM-DD'), auditors: v.auditors || null };
    try {
      const r = audit
        ? await command.mutateAsync({
            path: `/internal-audits/${audit.id}`,
            method: 'PUT',
            body: { ...body, version: audit.version },
          })
        : await command.mutateAsync({ path: '/internal-audits', body });
      onClose();
      onSaved?.(r.id);
    } catch (e) {
      handleError(e, { form });
    }
  };
  return (
    <Modal
      open
      {...fit}
      title={t(audit ? 'quality.editAudit' : 'quality.newAudit')}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('audit-save')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={audit ? { ...audit, auditDate: dayjs(audit.auditDate) } : { auditDate: dayjs() }}
      >
        <Form.Item name="title" label={f('title')} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="audit-title" />
        </Form.Item>
        <Form.Item name="scope" label={f('scope')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="audit-scope" />
        </Form.Item>
        <Form.Item name="auditDate" label={f('auditDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="auditedDeptId" label={f('auditedDept')} rules={[{ required: true }]}>
          <DeptSelect data-testid="audit-dept" />
        </Form.Item>
        <Form.Item name="leadAuditorId" label={f('leadAuditor')} rules={[{ required: true }]}>
          <UserSelect testId="audit-lead" />
        </Form.Item>
        <Form.Item name="auditors" label={f('auditors')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
