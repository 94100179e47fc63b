import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../../app/api';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { MoneyInput } from '../../../components/MoneyInput';
import { buttonTestId } from '../../../components/testId';
import { UserSelect } from '../../../components/UserSelect';
import { validValues } from '../../../components/validValues';
import { type ComplaintDetail, useComplaintAction } from '../api';
import { COMPLAINT_DECISIONS, INVESTIGATOR_ROLES } from '../constants';

export type ComplaintModalAction = 'investigate' | 'finding' | 'decide' | 'verify' | 'cancel';
const PATH: Record<ComplaintModalAction, string> = {
  investigate: 'investigate',
  finding: 'findings',
  decide: 'decide',
  verify: 'verify',
  cancel: 'cancel',
};

type Line = {
  id: number;
  lineNo: number;
  productName: string;
  batchNo: string | null;
  receivedQty: string | null;
  qty: string;
};

/** The form of one complaint action (组织调查 / 调查结果 / 处理决定 / 效果验证 / 撤销). */
export function ComplaintActionModal({
  complaint: c,
  action,
  onClose,
}: {
  complaint: ComplaintDetail;
  action: ComplaintModalAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const handleError = useApiErrorHandler();
  const mutation = useComplaintAction(c.id);
  const decision = Form.useWatch('decision', form) as string | undefined;
  const lines = useQuery({
    queryKey: ['deliveries', 'detail', c.deliveryId],
    enabled: action === 'decide' && c.deliveryId !== null,
    queryFn: ({ signal }) => apiFetch<{ lines: Line[] }>(`/api/deliveries/${c.deliveryId}`, { signal }),
  });
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    let body: Record<string, unknown> = { ...v, version: c.version };
    if (action === 'investigate')
      body = {
        version: c.version,
        investigators: (v.investigators as { userId: number; role: string }[]).filter((i) => i?.userId),
        dueDate: (v.dueDate as Dayjs | undefined)?.format('YYYY-MM-DD') ?? null,
      };
    if (action === 'decide') {
      const qty = (v.qty ?? {}) as Record<string, number | null>;
      body = {
        version: c.version,
        cause: v.cause,
        decision: v.decision,
        note: v.note ?? null,
        compensationAmount: v.decision === 'compensation' ? v.compensationAmount : null,
        replacementLines:
          v.decision === 'replacement'
            ? Object.entries(qty)
                .filter(([, q]) => q)
                .map(([id, q]) => ({ deliveryLineId: Number(id), qty: String(q) }))
            : [],
      };
    }
    mutation.mutate({ path: PATH[action], body }, { onSuccess: onClose, onError: (e) => handleError(e, { form }) });
  };
  return (
    <Modal
      open
      title={t(`complaint.action.${action}`)}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={mutation.isPending}
      okButtonProps={buttonTestId('complaint-action-ok')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          investigators: [{ role: 'qa' }, { role: 'technical' }],
          decision: 'replacement',
          result: 'verified',
        }}
      >
        {action === 'investigate'
          ? [0, 1].map((i) => (
              <div key={i} style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
                <Form.Item
                  name={['investigators', i, 'role']}
                  label={t('complaint.field.role')}
                  style={{ flex: '1 1 120px' }}
                >
                  <Select options={INVESTIGATOR_ROLES.map((r) => ({ value: r, label: t(`complaint.role.${r}`) }))} />
                </Form.Item>
                <Form.Item
                  name={['investigators', i, 'userId']}
                  label={t('complaint.field.investigator')}
                  rules={i === 0 ? [{ required: true }] : []}
                  style={{ flex: '2 1 200px' }}
                >
                  <UserSelect testId={`complaint-investigator-${i}`} />
                </Form.Item>
              </div>
            ))
          : null}
        {action === 'investigate' ? (
          <Form.Item name="dueDate" label={t('complaint.field.dueDate')} extra={t('complaint.dueDateHint')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {action === 'finding' ? (
          <Form.Item name="finding" label={t('complaint.field.finding')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} data-testid="complaint-finding" />
          </Form.Item>
        ) : null}
        {action === 'decide' ? (
          <>
            <Form.Item name="cause" label={t('complaint.field.cause')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={3} data-testid="complaint-cause" />
            </Form.Item>
            <Form.Item name="decision" label={t('complaint.field.decision')} rules={[{ required: true }]}>
              <Select
                options={COMPLAINT_DECISIONS.map((d) => ({ value: d, label: t(`complaint.decision.${d}`) }))}
                data-testid="complaint-decision"
              />
            </Form.Item>
            {decision === 'compensation' ? (
              <Form.Item
                name="compensationAmount"
                label={t('complaint.field.compensationAmount')}
                rules={[{ required: true }]}
              >
                <MoneyInput />
              </Form.Item>
            ) : null}
            {decision === 'replacement'
              ? (lines.data?.lines ?? []).map((l) => (
                  <Form.Item
                    key={l.id}
                    name={['qty', String(l.id)]}
                    label={t('complaint.replaceLine', {
                      lineNo: l.lineNo,
                      product: l.productName,
                      batch: l.batchNo ?? '-',
                      received: Number(l.receivedQty ?? l.qty),
                    })}
                  >
                    <InputNumber
                      min={0}
                      max={Number(l.receivedQty ?? l.qty)}
                      style={{ width: '100%' }}
                      data-testid={`complaint-replace-${l.lineNo}`}
                    />
                  </Form.Item>
                ))
              : null}
            <Form.Item name="note" label={t('complaint.field.decisionNote')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        ) : null}
        {action === 'verify' ? (
          <>
            <Form.Item name="result" label={t('complaint.field.verificationResult')} rules={[{ required: true }]}>
              <Select
                options={['verified', 'unverified'].map((r) => ({ value: r, label: t(`complaint.verification.${r}`) }))}
                data-testid="complaint-verify-result"
              />
            </Form.Item>
            <Form.Item
              name="note"
              label={t('complaint.field.verificationNote')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea rows={3} data-testid="complaint-verify-note" />
            </Form.Item>
          </>
        ) : null}
        {action === 'cancel' ? (
          <Form.Item
            name="reason"
            label={t('complaint.field.cancelReason')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
