import { Alert, App, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { validValues } from '../../../components/validValues';
import { type Registration, useFlagMarketSurvey, useGrantReplacement } from '../api';

interface SurveyValues {
  repConfirmed: boolean;
  visitorConfirmed: boolean;
  note?: string;
}

export interface SurveyModalProps {
  reg: Registration;
  open: boolean;
  onClose: () => void;
}

/** 市场调查: only when the receiving rep and the visitor both confirm the purpose at the desk. */
export function MarketSurveyModal({ reg, open, onClose }: SurveyModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SurveyValues>();
  const flag = useFlagMarketSurvey(reg.id);
  const handleError = useApiErrorHandler();

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    flag.mutate(
      { repUserId: reg.routedToId, note: v.note?.trim() || null, version: reg.version },
      {
        onSuccess: () => {
          message.success(t('frontDesk.survey.flaggedOk'));
          onClose();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  const mustCheck = {
    validator: (_: unknown, value: boolean) =>
      value ? Promise.resolve() : Promise.reject(new Error(t('frontDesk.survey.mustConfirm'))),
  };
  return (
    <Modal
      open={open}
      title={t('frontDesk.survey.title', { name: reg.visitorName })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('frontDesk.survey.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={flag.isPending}
      okButtonProps={buttonTestId('fd-survey-submit')}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('frontDesk.survey.hint')} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="repConfirmed" valuePropName="checked" rules={[mustCheck]}>
          <Checkbox data-testid="fd-survey-rep-confirm">
            {t('frontDesk.survey.repConfirm', { name: reg.routedToName })}
          </Checkbox>
        </Form.Item>
        <Form.Item name="visitorConfirmed" valuePropName="checked" rules={[mustCheck]}>
          <Checkbox data-testid="fd-survey-visitor-confirm">
            {t('frontDesk.survey.visitorConfirm', { name: reg.visitorName })}
          </Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('frontDesk.survey.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="fd-survey-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 补客户: the director grants the rep of a flagged visit the next new visitor of their duty group. */
export function ReplacementModal({ reg, open, onClose }: SurveyModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const grant = useGrantReplacement(reg.id);
  const handleError = useApiErrorHandler();

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    grant.mutate(
      { note: v.note?.trim() || null },
      {
        onSuccess: () => {
          message.success(t('frontDesk.survey.grantedOk'));
          onClose();
        },
        onError: (e) => handleError(e, { form }),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('frontDesk.survey.grantTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('frontDesk.survey.grant')}
      cancelText={t('common.cancel')}
      confirmLoading={grant.isPending}
      okButtonProps={buttonTestId('fd-grant-submit')}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('frontDesk.survey.grantHint', { name: reg.survey?.repName ?? reg.routedToName })}
      />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="note" label={t('frontDesk.survey.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="fd-grant-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
