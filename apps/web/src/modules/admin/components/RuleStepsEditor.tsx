import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Radio, Select, Space, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { useUserOptions } from '../../../components/UserSelect';
import { useRoles } from '../api';
import { STEP_KINDS, STEP_MODES } from '../approvalRuleMeta';
import type { StepKind } from '../approvalRulesApi';

interface StepRowEditorProps {
  name: number;
  index: number;
  count: number;
  onRemove: () => void;
  onMove: (to: number) => void;
}

function StepRowEditor({ name, index, count, onRemove, onMove }: StepRowEditorProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { hasPermission } = useAuth();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['steps', name, 'kind'], form) as StepKind | undefined;
  const roles = useRoles(hasPermission('role.manage'));
  const users = useUserOptions();
  const required = { required: true, message: t('validation.required') };
  const item = { style: { marginBottom: 0 } };

  return (
    <div
      data-testid="rule-step-row"
      style={{
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        padding: 12,
        marginBottom: 12,
      }}
    >
      <Flex gap={8} align="start" wrap>
        <Typography.Text strong style={{ lineHeight: '32px', minWidth: 56 }}>
          {t('approvalRule.stepNo', { n: index + 1 })}
        </Typography.Text>
        <Form.Item name={[name, 'name']} rules={[{ ...required, whitespace: true }]} {...item}>
          <Input
            placeholder={t('approvalRule.stepName')}
            maxLength={60}
            style={{ width: 180 }}
            data-testid="rule-step-name"
          />
        </Form.Item>
        <Form.Item name={[name, 'kind']} rules={[required]} {...item}>
          <Select
            style={{ width: 140 }}
            data-testid="rule-step-kind"
            options={STEP_KINDS.map((k) => ({ value: k, label: t(`approvalRule.kind.${k}`) }))}
            onChange={(k: StepKind) => {
              if (k === 'manager' && !form.getFieldValue(['steps', name, 'level'])) {
                form.setFieldValue(['steps', name, 'level'], 1);
              }
            }}
          />
        </Form.Item>
        {kind === 'role' ? (
          <Form.Item name={[name, 'role']} rules={[required]} {...item}>
            <Select
              style={{ width: 180 }}
              placeholder={t('approvalRule.role')}
              loading={roles.isLoading}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="rule-step-role"
              options={(roles.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
            />
          </Form.Item>
        ) : null}
        {kind === 'manager' ? (
          <Form.Item name={[name, 'level']} rules={[required]} {...item}>
            <InputNumber<number>
              min={1}
              max={10}
              precision={0}
              prefix={t('approvalRule.levelPrefix')}
              suffix={t('approvalRule.levelSuffix')}
              style={{ width: 160 }}
              data-testid="rule-step-level"
            />
          </Form.Item>
        ) : null}
        {kind === 'users' ? (
          <Form.Item name={[name, 'userIds']} rules={[required]} style={{ marginBottom: 0, flex: 1, minWidth: 220 }}>
            <Select<number[]>
              mode="multiple"
              placeholder={t('approvalRule.users')}
              loading={users.isLoading}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="rule-step-users"
              options={(users.data?.items ?? []).map((u) => ({
                value: u.id,
                label: u.deptName ? t('common.nameWithDept', { name: u.name, dept: u.deptName }) : u.name,
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name={[name, 'mode']} {...item}>
          <Radio.Group
            optionType="button"
            data-testid="rule-step-mode"
            options={STEP_MODES.map((m) => ({
              value: m,
              label: t(`approval.mode.${m}`),
              title: t(`approval.modeHint.${m}`),
            }))}
          />
        </Form.Item>
        <Space.Compact style={{ marginInlineStart: 'auto' }}>
          <Button
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
            aria-label={t('approvalRule.moveUp')}
            data-testid="rule-step-up"
          />
          <Button
            icon={<ArrowDownOutlined />}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
            aria-label={t('approvalRule.moveDown')}
            data-testid="rule-step-down"
          />
          <Button
            icon={<DeleteOutlined />}
            onClick={onRemove}
            aria-label={t('common.delete')}
            data-testid="rule-step-remove"
          />
        </Space.Compact>
      </Flex>
    </div>
  );
}

/** Ordered approval steps: each passes to the next; the last approval approves the document. */
export function RuleStepsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="steps">
      {(rows, { add, remove, move }) => (
        <>
          {rows.map(({ key, name }, index) => (
            <StepRowEditor
              key={key}
              name={name}
              index={index}
              count={rows.length}
              onRemove={() => remove(name)}
              onMove={(to) => move(index, to)}
            />
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ kind: 'dept_head', mode: 'any' })}
            data-testid="rule-step-add"
          >
            {t('approvalRule.addStep')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
