import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { FactValue, useFactLabel } from '../../../components/ApprovalFacts';
import { useUserOptions } from '../../../components/UserSelect';
import { useRoles } from '../api';
import type { FactField, RuleCondition, RuleStep } from '../approvalRulesApi';

/** "信用额度 大于 ¥500,000.00" — one condition in words. */
export function ConditionText({ condition: c, fields }: { condition: RuleCondition; fields: FactField[] }) {
  const { t } = useTranslation();
  const factLabel = useFactLabel();
  const type = fields.find((f) => f.key === c.field)?.type;
  const values = Array.isArray(c.value) ? c.value : c.value === undefined ? [] : [c.value];
  return (
    <span data-testid="rule-condition-text">
      {factLabel(c.field)} {t(`approvalRule.op.${c.op}`)}{' '}
      {values.map((v, i) => (
        <span key={String(v)}>
          {i > 0 ? t('timeline.listSeparator') : null}
          {type === 'money' ? <FactValue field="creditLimit" value={v} /> : <FactValue field={c.field} value={v} />}
        </span>
      ))}
    </span>
  );
}

/** Who approves a step: "部门负责人", "第 2 级上级", "角色：总经理", "指定人员：张三、李四". */
export function useStepApprovers() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const roles = useRoles(hasPermission('role.manage'));
  const users = useUserOptions();
  return (s: RuleStep) => {
    switch (s.kind) {
      case 'role': {
        const name = roles.data?.items.find((r) => r.code === s.role)?.name ?? s.role ?? '';
        return t('approvalRule.approvers.role', { role: name });
      }
      case 'manager':
        return t('approvalRule.approvers.manager', { level: s.level ?? 1 });
      case 'users': {
        const names = (s.userIds ?? []).map((id) => users.data?.items.find((u) => u.id === id)?.name ?? `#${id}`);
        return t('approvalRule.approvers.users', { users: names.join(t('timeline.listSeparator')) });
      }
      default:
        return t('approvalRule.approvers.dept_head');
    }
  };
}

/** Steps have no id; identical steps in one chain would not be told apart anyway. */
const stepKey = (s: RuleStep) => [s.name, s.kind, s.role, s.level, s.userIds?.join(','), s.mode].join(':');

export function StepsText({ steps }: { steps: RuleStep[] }) {
  const { t } = useTranslation();
  const approvers = useStepApprovers();
  return (
    <Space orientation="vertical" size={2}>
      {steps.map((s, i) => (
        <span key={stepKey(s)} data-testid="rule-step-text">
          <Typography.Text strong>{t('approval.stepLabel', { n: i + 1, name: s.name })}</Typography.Text>{' '}
          <Typography.Text type="secondary">{approvers(s)}</Typography.Text> <Tag>{t(`approval.mode.${s.mode}`)}</Tag>
        </span>
      ))}
    </Space>
  );
}
