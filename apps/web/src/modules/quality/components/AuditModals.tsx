import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { UserSelect } from '../../../components/UserSelect';
import { useModalFit } from '../../../components/useModalFit';
import { validValues } from '../../../components/validValues.ts';
import { useQualityCommand } from '../api';
import type { AuditDetail, Finding } from '../types';

export type AuditStep = { kind: 'finding' } | { kind: 'capa'; finding: Finding } | { kind: 'report' };

type Values = Record<string, unknown> & { dueDate?: Dayjs };

/** A finding, a corrective/preventive action on a finding, or the audit report (内部审核报告). */
export function AuditStepModal({ audit, step, onClose }: { audit: AuditDetail; step: AuditStep; onClose: () => void }) {
  const { t } = useTranslation();
  const fit = useModalFit();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const command = useQualityCommand();
  const f = (k: string) => t(`quality.fields.${k}`);
  const path = { finding: 'findings', capa: 'capas', report: 'report' }[step.kind];
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body =
      step.kind === 'capa'
        ? { ...v, findingId: step.finding.id, dueDate: v.dueDate?.format('YYYY-MM-DD'), rootCause: v.rootCause || null }
        : { ...v, version: audit.version, clause: step.kind === 'finding' ? v.clause || null : undefined };
    try {
      await command.mutateAsync({ path: `/internal-audits/${audit.id}/${path}`, body });
      onClose();
    } catch (e) {
      handleError(e, { form });
    }
  };
  const title =
    step.kind === 'capa' ? t('quality.newCapaFor', { seq: step.finding.seq }) : t(`quality.steps.${step.kind}`);
  return (
    <Modal
      open
      {...fit}
      title={title}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId(`audit-${step.kind}-ok`)}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          step.kind === 'capa'
            ? {
                kind: step.finding.severity === 'observation' ? 'preventive' : 'corrective',
                dueDate: dayjs().add(14, 'day'),
              }
            : { severity: 'minor' }
        }
      >
        {step.kind === 'finding' && (
          <>
            <Form.Item name="clause" label={f('clause')}>
              <Input maxLength={100} placeholder={t('quality.clauseHint')} />
            </Form.Item>
            <Form.Item name="description" label={f('finding')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} maxLength={4000} data-testid="finding-description" />
            </Form.Item>
            <Form.Item name="severity" label={f('severity')} rules={[{ required: true }]}>
              <Select
                options={(['major', 'minor', 'observation'] as const).map((s) => ({
                  value: s,
                  label: t(`quality.severity.${s}`),
                }))}
              />
            </Form.Item>
          </>
        )}
        {step.kind === 'capa' && (
          <>
            <p style={{ whiteSpace: 'pre-wrap' }}>{step.finding.description}</p>
            <Form.Item name="kind" label={f('capaKind')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={(['corrective', 'preventive'] as const).map((k) => ({
                  value: k,
                  label: t(`quality.capaKind.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="rootCause" label={f('rootCause')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Form.Item name="action" label={f('action')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} maxLength={2000} data-testid="capa-action" />
            </Form.Item>
            <Form.Item name="ownerId" label={f('owner')} rules={[{ required: true }]}>
              <UserSelect testId="capa-owner" />
            </Form.Item>
            <Form.Item name="dueDate" label={f('dueDate')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </>
        )}
        {step.kind === 'report' && (
          <Form.Item name="conclusion" label={f('conclusion')} rules={[{ required: true }]}>
            <Input.TextArea rows={5} maxLength={4000} data-testid="audit-conclusion" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
