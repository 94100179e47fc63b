import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { docTypeLabelKey } from '../../../components/ApprovalFacts';
import { DataTable } from '../../../components/DataTable';
import { PageHeader } from '../../../components/PageHeader';
import { type ApprovalRule, useApprovalDocTypes, useApprovalRules } from '../approvalRulesApi';
import { ApprovalRuleModal } from '../components/ApprovalRuleModal';
import { ConditionText, StepsText } from '../components/ApprovalRuleSummary';

export function ApprovalRulesPage() {
  const { t } = useTranslation();
  const rules = useApprovalRules();
  const docTypes = useApprovalDocTypes();
  const [editing, setEditing] = useState<ApprovalRule | 'new' | null>(null);
  const fieldsOf = (type: string) => docTypes.data?.items.find((d) => d.type === type)?.fields ?? [];

  if (rules.isError) return <QueryErrorResult error={rules.error} onRetry={() => void rules.refetch()} />;
  if (docTypes.isError) return <QueryErrorResult error={docTypes.error} onRetry={() => void docTypes.refetch()} />;

  const label = (f: string) => t(`approvalRule.fields.${f}`);
  const columns: ColumnsType<ApprovalRule> = [
    {
      title: label('docType'),
      dataIndex: 'docType',
      width: 130,
      render: (v: string) => t(docTypeLabelKey(v), { defaultValue: v }),
    },
    {
      title: label('name'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Space size={4} wrap>
          <span data-testid="rule-name">{name}</span>
          {r.active ? null : <Tag>{t('approvalRule.inactive')}</Tag>}
        </Space>
      ),
    },
    { title: label('priority'), dataIndex: 'priority', width: 90 },
    {
      title: label('conditions'),
      key: 'conditions',
      render: (_, r) =>
        r.conditions.length ? (
          <Space orientation="vertical" size={2}>
            {r.conditions.map((c) => (
              <ConditionText key={`${c.field}:${c.op}:${String(c.value)}`} condition={c} fields={fieldsOf(r.docType)} />
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('approvalRule.always')}</Typography.Text>
        ),
    },
    { title: label('steps'), key: 'steps', render: (_, r) => <StepsText steps={r.steps} /> },
    {
      title: label('active'),
      dataIndex: 'active',
      width: 90,
      render: (v: boolean) =>
        v ? <Tag color="green">{t('approvalRule.active')}</Tag> : <Tag>{t('approvalRule.inactive')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setEditing(r)} data-testid="rule-edit">
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Card>
      <PageHeader
        title={t('menu.approvalRules')}
        subTitle={t('approvalRule.pageHint')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!docTypes.data?.items.length}
            onClick={() => setEditing('new')}
            data-testid="rule-new"
          >
            {t('approvalRule.new')}
          </Button>
        }
      />
      <DataTable<ApprovalRule>
        rowTestId="rule-row"
        scroll={{}}
        columns={columns}
        items={rules.data?.items}
        loading={rules.isPending || docTypes.isPending}
      />
      <ApprovalRuleModal
        target={editing}
        docTypes={docTypes.data?.items ?? []}
        onClose={() => setEditing(null)}
        onStale={() => void rules.refetch()}
      />
    </Card>
  );
}
