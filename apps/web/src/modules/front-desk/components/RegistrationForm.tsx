import { ClearOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Radio, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { SOURCE_CHANNELS } from '../../../app/dictionaries';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DictSelect } from '../../../components/DictSelect';
import { MoneyInput, normalizeMoney } from '../../../components/MoneyInput';
import { UserSelect } from '../../../components/UserSelect';
import { type Registration, type RegistrationInput, useOnDuty, useRegister } from '../api';

type Kind = RegistrationInput['kind'];

interface Values {
  kind: Kind;
  visitorName: string;
  phone?: string;
  companyName?: string;
  channel: string;
  intent?: string;
  budget?: string | null;
  notes?: string;
  repUserId?: number;
  repName?: string;
  dutyGroupId?: number;
}

/** The channel a call or a visit most often comes through; used until the desk picks another. */
const DEFAULT_CHANNEL: Record<Kind, string> = { visit: 'walk_in', call: 'phone' };

const text = (v: string | undefined) => v?.trim() || null;

export interface RegistrationFormProps {
  onRegistered: (reg: Registration) => void;
}

/** 前台登记: one screen, the visitor's details, then the server routes the visit (owner / rotation / named rep). */
export function RegistrationForm({ onRegistered }: RegistrationFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const register = useRegister();
  const onDuty = useOnDuty();
  const handleError = useApiErrorHandler();
  const groups = onDuty.data?.groups ?? [];

  const onValuesChange = (changed: Partial<Values>) => {
    if (!changed.kind) return;
    const other: Kind = changed.kind === 'visit' ? 'call' : 'visit';
    const channel = form.getFieldValue('channel') as string | undefined;
    if (!channel || channel === DEFAULT_CHANNEL[other]) form.setFieldValue('channel', DEFAULT_CHANNEL[changed.kind]);
  };

  const submit = (v: Values) => {
    const body: RegistrationInput = {
      kind: v.kind,
      visitorName: v.visitorName.trim(),
      phone: text(v.phone),
      companyName: text(v.companyName),
      channel: v.channel,
      intent: text(v.intent),
      budget: normalizeMoney(v.budget),
      notes: text(v.notes),
      repUserId: v.repUserId ?? null,
      repName: text(v.repName),
      dutyGroupId: groups.length > 1 ? (v.dutyGroupId ?? null) : null,
    };
    register.mutate(body, {
      onSuccess: (reg) => {
        onRegistered(reg);
        form.resetFields();
        form.setFieldsValue({ kind: v.kind, channel: DEFAULT_CHANNEL[v.kind] });
      },
      onError: (e) => {
        handleError(e, { form });
        void onDuty.refetch();
      },
    });
  };

  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      onValuesChange={onValuesChange}
      initialValues={{ kind: 'visit', channel: DEFAULT_CHANNEL.visit }}
      data-testid="fd-form"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('frontDesk.fields.kind')} rules={required.slice(0, 1)}>
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="fd-kind">
              <Radio.Button value="visit">
                <span data-testid="fd-kind-visit">{t('frontDesk.kind.visit')}</span>
              </Radio.Button>
              <Radio.Button value="call">
                <span data-testid="fd-kind-call">{t('frontDesk.kind.call')}</span>
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="channel" label={t('frontDesk.fields.channel')} rules={required.slice(0, 1)}>
            <DictSelect dict="dict.source" values={SOURCE_CHANNELS} allowClear={false} testId="fd-channel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="visitorName" label={t('frontDesk.fields.visitorName')} rules={required}>
            <Input maxLength={50} autoFocus autoComplete="off" data-testid="fd-visitor-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="phone" label={t('frontDesk.fields.phone')}>
            <Input maxLength={30} autoComplete="off" inputMode="tel" data-testid="fd-phone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="companyName" label={t('frontDesk.fields.companyName')} extra={t('frontDesk.companyHint')}>
            <Input maxLength={100} autoComplete="off" data-testid="fd-company" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="budget" label={t('frontDesk.fields.budget')}>
            <MoneyInput testId="fd-budget" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="intent" label={t('frontDesk.fields.intent')}>
            <Input maxLength={500} data-testid="fd-intent" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="repUserId" label={t('frontDesk.fields.repUserId')} extra={t('frontDesk.repHint')}>
            <UserSelect testId="fd-rep" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="repName" label={t('frontDesk.fields.repName')}>
            <Input maxLength={50} placeholder={t('frontDesk.repNamePlaceholder')} data-testid="fd-rep-name" />
          </Form.Item>
        </Col>
        {groups.length > 1 ? (
          <Col xs={24} md={12}>
            <Form.Item name="dutyGroupId" label={t('frontDesk.fields.dutyGroup')} extra={t('frontDesk.dutyGroupHint')}>
              <Select
                allowClear
                placeholder={t('common.pleaseSelect')}
                options={groups.map((g) => ({
                  value: g.groupId,
                  label: g.deptName ? t('common.nameWithDept', { name: g.name, dept: g.deptName }) : g.name,
                }))}
                data-testid="fd-duty-group"
              />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24}>
          <Form.Item name="notes" label={t('frontDesk.fields.notes')}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="fd-notes" />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button
          type="primary"
          size="large"
          htmlType="submit"
          icon={<SendOutlined />}
          loading={register.isPending}
          data-testid="fd-submit"
        >
          {t('frontDesk.submit')}
        </Button>
        <Button icon={<ClearOutlined />} onClick={() => form.resetFields()} data-testid="fd-clear">
          {t('frontDesk.clear')}
        </Button>
      </Space>
    </Form>
  );
}
