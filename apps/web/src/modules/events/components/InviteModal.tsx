import { CUSTOMER_CLASSES, INVITE_METHODS, REGIONS } from '@sales/core';
import { useQuery } from '@tanstack/react-query';
import { App, Form, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch, type ItemsResponse } from '../../../app/api';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DictSelect } from '../../../components/DictSelect';
import { buttonTestId } from '../../../components/testId';
import { UserSelect } from '../../../components/UserSelect';
import { useSavedCustomerFilters } from '../../customers/savedFiltersApi';
import { useEventCommand } from '../api';

interface Values {
  by: 'customers' | 'saved' | 'filter';
  customerIds?: number[];
  savedFilterId?: number;
  class?: string;
  region?: string;
  method: string;
  repId?: number;
}

/** Customers chosen by search (within the user's scope), as the user types. */
function CustomerMultiPicker(props: { value?: number[]; onChange?: (v: number[]) => void }) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [keyword, setKeyword] = useState('');
  const [known, setKnown] = useState(new Map<number, string>());
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);
  const search = useQuery({
    queryKey: ['events', 'customer-search', keyword],
    queryFn: ({ signal }) =>
      apiFetch<ItemsResponse<{ id: number; no: string; name: string }>>('/api/customers/search', {
        query: { q: keyword },
        signal,
      }),
    enabled: keyword.length > 0,
  });
  const found = search.data?.items ?? [];
  useEffect(() => {
    if (found.length) setKnown((m) => new Map([...m, ...found.map((c) => [c.id, `${c.name}（${c.no}）`] as const)]));
  }, [found]);
  return (
    <Select<number[]>
      mode="multiple"
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      showSearch={{ filterOption: false, onSearch: setInput }}
      placeholder={t('events.fields.customers')}
      options={[...known].map(([value, label]) => ({ value, label }))}
      data-testid="invite-customers"
    />
  );
}

/** Adds customers to the invitation plan (seed 001 邀约流程 1): chosen ones, or a customer filter within scope. */
export function InviteModal({ eventId, onClose }: { eventId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const by = Form.useWatch('by', form) ?? 'customers';
  const command = useEventCommand<{ added: number; skipped: number }>();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const saved = useSavedCustomerFilters();
  const f = (k: string) => t(`events.fields.${k}`);
  const save = async (v: Values) => {
    const who = { method: v.method, repId: v.repId };
    const body =
      v.by === 'customers'
        ? { customerIds: v.customerIds ?? [], ...who }
        : v.by === 'saved'
          ? { savedFilterId: v.savedFilterId, ...who }
          : { filter: { class: v.class, region: v.region }, ...who };
    try {
      const r = await command.mutateAsync({ path: `/events/${eventId}/invitations`, body });
      message.success(t('events.invited', r));
      onClose();
    } catch (err) {
      handleError(err, { form });
    }
  };
  return (
    <Modal
      open
      title={t('events.invite')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('invite-save')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ by: 'customers', method: 'phone' }} onFinish={save}>
        <Form.Item name="by" label={t('events.inviteBy')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'customers', label: t('events.byCustomers') },
              { value: 'saved', label: t('events.bySavedFilter') },
              { value: 'filter', label: t('events.byFilter') },
            ]}
          />
        </Form.Item>
        {by === 'customers' ? (
          <Form.Item name="customerIds" label={f('customers')} rules={[{ required: true }]}>
            <CustomerMultiPicker />
          </Form.Item>
        ) : by === 'saved' ? (
          <Form.Item
            name="savedFilterId"
            label={f('savedFilter')}
            extra={t('events.savedFilterHint')}
            rules={[{ required: true }]}
          >
            <Select
              loading={saved.isLoading}
              options={(saved.data?.items ?? []).map((x) => ({
                value: x.id,
                label: x.mine ? x.name : `${x.name}（${x.ownerName}）`,
              }))}
              notFoundContent={t('events.noSavedFilters')}
              data-testid="invite-saved-filter"
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item extra={t('events.filterHint')} style={{ marginBottom: 8 }} />
            <Form.Item name="class" label={f('class')}>
              <DictSelect dict="dict.customerClass" values={CUSTOMER_CLASSES} />
            </Form.Item>
            <Form.Item name="region" label={f('region')}>
              <DictSelect dict="dict.region" values={REGIONS} />
            </Form.Item>
          </>
        )}
        <Form.Item name="method" label={f('method')}>
          <DictSelect dict="events.method" values={INVITE_METHODS} allowClear={false} />
        </Form.Item>
        <Form.Item name="repId" label={f('rep')} extra={t('events.repDefault')}>
          <UserSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
