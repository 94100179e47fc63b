import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex, Popconfirm, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { StatusTag } from '../../../components/StatusTag';
import { buttonTestId } from '../../../components/testId';
import { useDeleteProposal } from '../api';
import { RESPONSE_COLORS } from '../constants';
import type { OpportunityDetail, Proposal } from '../types';
import { ProposalModal } from './ProposalModal';
import { ProposalResponseModal } from './ProposalResponseModal';

export interface ProposalsTabProps {
  opportunity: OpportunityDetail;
  editable: boolean;
}

function ProposalContent({ p }: { p: Proposal }) {
  const { t } = useTranslation();
  const pre = (v: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{orDash(v)}</span>;
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        { key: 'items', label: t('opportunity.proposal.fields.items'), children: pre(p.items) },
        { key: 'deliveryTerm', label: t('opportunity.proposal.fields.deliveryTerm'), children: pre(p.deliveryTerm) },
        { key: 'responseNote', label: t('opportunity.proposal.fields.responseNote'), children: pre(p.responseNote) },
        { key: 'remark', label: t('opportunity.proposal.fields.remark'), children: pre(p.remark) },
      ]}
    />
  );
}

/** 方案/提案: proposals sent to the customer and the customer's answers. */
export function ProposalsTab({ opportunity: o, editable }: ProposalsTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const del = useDeleteProposal(o.id);
  const { hasPermission } = useAuth();
  const [editing, setEditing] = useState<Proposal | 'new' | null>(null);
  const [answering, setAnswering] = useState<Proposal | null>(null);
  const label = (f: string) => t(`opportunity.proposal.fields.${f}`);

  const columns: ColumnsType<Proposal> = [
    { title: label('title'), dataIndex: 'title', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: label('price'), dataIndex: 'price', align: 'right', render: (v: string) => <MoneyText value={v} /> },
    { title: label('sentOn'), dataIndex: 'sentOn', render: formatDate },
    {
      title: label('response'),
      dataIndex: 'response',
      render: (v: string) => (
        <StatusTag dict="opportunity.proposalResponse" value={v} colors={RESPONSE_COLORS} testId="proposal-status" />
      ),
    },
    { title: label('respondedOn'), dataIndex: 'respondedOn', render: formatDate },
    // A contract is drafted from the proposal the customer accepted (seed 000 3.1.3).
    {
      title: t('opportunity.proposal.contract'),
      key: 'contract',
      render: (_, p) =>
        p.response === 'accepted' && hasPermission('contract.create') ? (
          <Link to={`/contracts/new?customerId=${o.customerId}&proposalId=${p.id}`} data-testid="proposal-contract">
            {t('opportunity.proposal.draftContract')}
          </Link>
        ) : null,
    },
    { title: label('createdByName'), dataIndex: 'createdByName', render: orDash },
    { title: label('createdAt'), dataIndex: 'createdAt', render: formatDateTime },
  ];
  if (editable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setAnswering(p)} data-testid="proposal-respond">
            {t('opportunity.proposal.respond')}
          </Button>
          <Button type="link" size="small" onClick={() => setEditing(p)} data-testid="proposal-edit">
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('opportunity.proposal.deleteConfirm', { title: p.title })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ ...buttonTestId('proposal-delete-confirm'), danger: true }}
            onConfirm={() =>
              del.mutate(
                { id: p.id, version: p.version },
                { onSuccess: () => message.success(t('common.deleted')), onError: (e) => handleError(e) },
              )
            }
          >
            <Button type="link" size="small" danger data-testid="proposal-delete">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('opportunity.proposal.hint')}</Typography.Text>
        {editable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="proposal-new">
            {t('opportunity.proposal.new')}
          </Button>
        ) : null}
      </Flex>
      <DataTable<Proposal>
        data-testid="proposal-table"
        rowTestId="proposal-row"
        columns={columns}
        items={o.proposals}
        expandable={{ expandedRowRender: (p) => <ProposalContent p={p} /> }}
        locale={{ emptyText: t('opportunity.proposal.none') }}
      />
      <ProposalModal opportunityId={o.id} target={editing} onClose={() => setEditing(null)} />
      <ProposalResponseModal opportunityId={o.id} target={answering} onClose={() => setAnswering(null)} />
    </Flex>
  );
}
