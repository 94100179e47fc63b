import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { apiFetch, type ItemsResponse, type Paged } from '../../../app/api';
import type { OpportunityListItem, Proposal } from '../../opportunities/types';

interface Option {
  id: number;
  title: string;
  opportunityNo: string;
  response: Proposal['response'];
}

/** The proposals (销售提案) of a customer's opportunities, newest first — the sources a contract may rest on. */
function useCustomerProposals(customerId: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['contracts', 'proposal-sources', customerId],
    enabled: enabled && !!customerId,
    queryFn: async ({ signal }): Promise<Option[]> => {
      const opps = await apiFetch<Paged<OpportunityListItem>>('/api/opportunities', {
        query: { customerId: customerId as number, pageSize: 50 },
        signal,
      });
      const lists = await Promise.all(
        opps.items.map((o) =>
          apiFetch<ItemsResponse<Proposal>>(`/api/opportunities/${o.id}/proposals`, { signal }).then((r) =>
            r.items.map((p) => ({ id: p.id, title: p.title, opportunityNo: o.no, response: p.response })),
          ),
        ),
      );
      return lists.flat().sort((a, b) => b.id - a.id);
    },
  });
}

/**
 * Picks the proposal the customer accepted as the contract's source (seed 000 3.1.3: 销售提案获得客户
 * 批准后签订合同). A proposal the user cannot see (a contract edited by 商务) shows with its title.
 */
export function ProposalPicker({
  customerId,
  value,
  onChange,
  current,
  disabled,
}: {
  customerId?: number;
  value?: number | null;
  onChange?: (v: number | null) => void;
  /** The linked proposal as the contract shows it, for when the list cannot include it. */
  current?: { id: number; title: string } | null;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const list = useCustomerProposals(customerId, hasPermission('opportunity.view'));
  const options = (list.data ?? []).map((p) => ({
    value: p.id,
    label: `${p.title}（${p.opportunityNo}，${t(`contract.source.response.${p.response}`)}）`,
  }));
  if (current && value === current.id && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.title });
  return (
    <Select<number | null>
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      disabled={disabled || !customerId}
      loading={list.isFetching}
      placeholder={customerId ? t('contract.form.proposalPlaceholder') : t('contract.form.proposalPickCustomer')}
      notFoundContent={t('contract.form.proposalNone')}
      options={options}
      data-testid="contract-proposal"
    />
  );
}
