import { Button, Col, Form, type FormInstance, Input, Radio, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CUSTOMER_CLASSES,
  CUSTOMER_KINDS,
  GENDERS,
  INDUSTRIES,
  INTERESTS,
  OCCUPATIONS,
  PURCHASE_INTENTS,
  REGIONS,
  SOURCE_CHANNELS,
} from '../../../app/dictionaries';
import { DictSelect } from '../../../components/DictSelect';
import { UserSelect } from '../../../components/UserSelect';
import type { CustomerInput } from '../api';
import { BirthDateField } from './BirthDateField';

export type CustomerFormValues = CustomerInput;

export interface CustomerFormProps {
  form: FormInstance<CustomerFormValues>;
  initialValues: Partial<CustomerFormValues>;
  /** Owner can only be chosen on create; later changes go through "transfer". */
  showOwner: boolean;
  submitting: boolean;
  onSubmit: (values: CustomerFormValues) => void;
  onCancel: () => void;
}

const half = { xs: 24, md: 12 };
// Same limits as the server's CustomerInput schema.
const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 20;

export function CustomerForm({ form, initialValues, showOwner, submitting, onSubmit, onCancel }: CustomerFormProps) {
  const { t } = useTranslation();
  const kind = Form.useWatch('kind', form) ?? initialValues.kind ?? 'company';
  const label = (f: string) => t(`fields.customer.${f}`);

  return (
    <Form<CustomerFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onSubmit}
      scrollToFirstError
      data-testid="customer-form"
    >
      <Form.Item name="kind" label={label('kind')} rules={[{ required: true, message: t('validation.required') }]}>
        <Radio.Group data-testid="customer-field-kind">
          {CUSTOMER_KINDS.map((k) => (
            <Radio.Button key={k} value={k}>
              <span data-testid={`customer-kind-${k}`}>{t(`dict.customerKind.${k}`)}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item
            name="name"
            label={kind === 'company' ? t('customer.companyName') : t('customer.personName')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={100} data-testid="customer-field-name" />
          </Form.Item>
        </Col>
        <Col {...half}>
          {kind === 'company' ? (
            <Form.Item name="creditCode" label={label('creditCode')}>
              <Input
                maxLength={18}
                placeholder={t('customer.creditCodePlaceholder')}
                data-testid="customer-field-creditCode"
              />
            </Form.Item>
          ) : (
            <Form.Item name="idNumber" label={label('idNumber')}>
              <Input maxLength={18} data-testid="customer-field-idNumber" />
            </Form.Item>
          )}
        </Col>
        <Col {...half}>
          <Form.Item name="mobile" label={label('mobile')}>
            <Input maxLength={30} data-testid="customer-field-mobile" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="phone" label={label('phone')}>
            <Input maxLength={30} data-testid="customer-field-phone" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="email" label={label('email')}>
            <Input maxLength={100} data-testid="customer-field-email" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="region" label={label('region')}>
            <DictSelect dict="dict.region" values={REGIONS} testId="customer-field-region" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="address" label={label('address')}>
            <Input maxLength={200} data-testid="customer-field-address" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="industry" label={label('industry')}>
            <DictSelect dict="dict.industry" values={INDUSTRIES} testId="customer-field-industry" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="source" label={label('source')}>
            <DictSelect dict="dict.source" values={SOURCE_CHANNELS} testId="customer-field-source" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="class" label={label('class')}>
            <DictSelect dict="dict.customerClass" values={CUSTOMER_CLASSES} testId="customer-field-class" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            name="tags"
            label={label('tags')}
            rules={[
              {
                validator: (_, tags?: string[]) => {
                  if (tags && tags.length > MAX_TAGS)
                    return Promise.reject(new Error(t('validation.tagsTooMany', { max: MAX_TAGS })));
                  if (tags?.some((tag) => tag.trim().length > MAX_TAG_LENGTH))
                    return Promise.reject(new Error(t('validation.tagTooLong', { max: MAX_TAG_LENGTH })));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', '，']}
              placeholder={t('customer.tagsPlaceholder')}
              data-testid="customer-field-tags"
              open={false}
              suffixIcon={null}
            />
          </Form.Item>
        </Col>
        {/* Invitation attributes (seed 001 客户邀约管理: 性别、年龄、职业、兴趣爱好、购买意向). */}
        <Col {...half}>
          <Form.Item name="purchaseIntent" label={label('purchaseIntent')}>
            <DictSelect dict="dict.purchaseIntent" values={PURCHASE_INTENTS} testId="customer-field-purchaseIntent" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="occupation" label={label('occupation')}>
            <DictSelect dict="dict.occupation" values={OCCUPATIONS} testId="customer-field-occupation" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="gender" label={label('gender')}>
            <DictSelect dict="dict.gender" values={GENDERS} testId="customer-field-gender" />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="birthDate" label={label('birthDate')}>
            <BirthDateField />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="interests" label={label('interests')}>
            <DictSelect
              mode="multiple"
              dict="dict.interest"
              values={INTERESTS}
              testId="customer-field-interests"
              maxTagCount="responsive"
            />
          </Form.Item>
        </Col>
        {showOwner ? (
          <Col {...half}>
            <Form.Item name="ownerId" label={label('ownerName')} extra={t('customer.ownerHint')}>
              <UserSelect testId="customer-field-ownerId" />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24}>
          <Form.Item name="remark" label={label('remark')}>
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="customer-field-remark" />
          </Form.Item>
        </Col>
        {showOwner ? null : (
          // On edit: why the change is made (SPEC 1.3), shown on the customer's timeline.
          <Col xs={24}>
            <Form.Item name="comment" label={t('customer.editComment')} extra={t('customer.editCommentHint')}>
              <Input.TextArea rows={2} maxLength={500} showCount data-testid="customer-field-comment" />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="customer-submit">
          {t('common.save')}
        </Button>
        <Button onClick={onCancel} data-testid="customer-cancel">
          {t('common.cancel')}
        </Button>
      </Space>
    </Form>
  );
}
