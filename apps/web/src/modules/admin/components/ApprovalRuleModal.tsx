import { App, Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { docTypeLabelKey } from '../../../components/ApprovalFacts';
import { buttonTestId } from '../../../components/testId';
import { useModalSession } from '../../../components/useModalSession';
import { validValues } from '../../../components/validValues';
import { type ConditionRow, listPath, type StepRow, toRuleCondition, toRuleStep } from '../approvalRuleMeta';
import { type ApprovalDocTypeDef, type ApprovalRule, useSaveApprovalRule } from '../approvalRulesApi';
import { RuleConditionsEditor } from './RuleConditionsEditor';
import { RuleStepsEditor } from './RuleStepsEditor';

interface Values {
  docType: string;
  name: string;
  priority: number;
  active: boolean;
  conditions: ConditionRow[];
  steps: StepRow[];
}

export interface ApprovalRuleModalProps {
  /** null = closed, 'new' = create, a rule = edit. */
  target: ApprovalRule | 'new' | null;
  docTypes: ApprovalDocTypeDef[];
  onClose: () => void;
  /** 412: the rule changed meanwhile — reload the list. */
  onStale: () => void;
}

export function ApprovalRuleModal(props: ApprovalRuleModalProps) {
  const session = useModalSession(props.target);
  return <RuleModalBody key={session.key} {...props} target={session.shown} open={props.target !== null} />;
}

function RuleModalBody({ target, docTypes, open, onClose, onStale }: ApprovalRuleModalProps & { open: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveApprovalRule();
  const handleError = useApiErrorHandler();
  const editing = target && target !== 'new' ? target : null;
  const docType = Form.useWatch('docType', form) as string | undefined;
  const fields = docTypes.find((d) => d.type === docType)?.fields ?? [];

  const onError = (e: unknown) => {
    // Field errors inside the condition / step lists go under their own controls.
    if (isApiError(e, 400) && e.fields.length) {
      const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
      const inForm = e.fields.filter((f) => registered.has(JSON.stringify(listPath(f.field))));
      if (inForm.length === e.fields.length) {
        form.setFields(inForm.map((f) => ({ name: listPath(f.field) as never, errors: [f.message] })));
        return;
      }
    }
    handleError(e, {
      form,
      onStale: () => {
        onStale();
        onClose();
      },
    });
  };

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    if (!v.steps?.length) {
      message.error(t('approvalRule.stepsRequired'));
      return;
    }
    const typeOf = (key?: string) => fields.find((f) => f.key === key)?.type;
    const body = {
      docType: v.docType,
      name: v.name.trim(),
      priority: v.priority,
      active: !!v.active,
      conditions: (v.conditions ?? []).map((c) => toRuleCondition(c, typeOf(c.field))),
      steps: v.steps.map(toRuleStep),
    };
    save.mutate(editing ? { ...body, id: editing.id, version: editing.version } : body, {
      onSuccess: () => {
        message.success(t(editing ? 'common.updated' : 'common.created'));
        onClose();
      },
      onError,
    });
  };

  const initialValues: Partial<Values> = editing
    ? { ...editing, conditions: editing.conditions, steps: editing.steps }
    : {
        docType: docTypes[0]?.type,
        priority: 100,
        active: true,
        conditions: [],
        steps: [{ kind: 'dept_head', mode: 'any' }],
      };
  const required = { required: true, message: t('validation.required') };

  return (
    <Modal
      open={open}
      width={1000}
      title={editing ? t('approvalRule.editTitle', { name: editing.name }) : t('approvalRule.newTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('rule-submit')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="docType" label={t('approvalRule.fields.docType')} rules={[required]}>
              <Select
                disabled={!!editing}
                data-testid="rule-field-docType"
                options={docTypes.map((d) => ({
                  value: d.type,
                  label: t(docTypeLabelKey(d.type), { defaultValue: d.type }),
                }))}
                onChange={() => form.setFieldValue('conditions', [])}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="name" label={t('approvalRule.fields.name')} rules={[{ ...required, whitespace: true }]}>
              <Input maxLength={100} data-testid="rule-field-name" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="priority"
              label={t('approvalRule.fields.priority')}
              tooltip={t('approvalRule.priorityHint')}
              rules={[required]}
            >
              <InputNumber<number>
                min={0}
                max={10000}
                precision={0}
                style={{ width: '100%' }}
                data-testid="rule-field-priority"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="active" label={t('approvalRule.fields.active')} valuePropName="checked">
              <Switch data-testid="rule-field-active" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('approvalRule.conditions')}
        </Divider>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('approvalRule.conditionsHint')}
        </Typography.Paragraph>
        <RuleConditionsEditor fields={fields} />
        <Divider titlePlacement="start">{t('approvalRule.steps')}</Divider>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('approvalRule.stepsHint')}
        </Typography.Paragraph>
        <RuleStepsEditor />
      </Form>
    </Modal>
  );
}
