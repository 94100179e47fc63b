import { DeleteOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { CLASS_COLORS } from '../../../app/dictionaries';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DetailTabs } from '../../../components/DetailTabs';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { RecordAttachments } from '../../../components/RecordAttachments';
import { StatusTag } from '../../../components/StatusTag';
import { buttonTestId } from '../../../components/testId';
import { useIsMobile } from '../../../components/useIsMobile';
import { CustomerDealerTag } from '../../dealers/components/CustomerDealerTag';
import { CustomerPoolStatus } from '../../pool/components/CustomerPoolStatus';
import { useCustomer, useDeleteCustomer, useRecheckCustomer } from '../api';
import { ContactsTab } from '../components/ContactsTab';
import { CreditTab } from '../components/CreditTab';
import { CustomerProfile } from '../components/CustomerProfile';
import { FollowUpsTab } from '../components/FollowUpsTab';
import { RelatedCounts, RelatedRecords } from '../components/RelatedRecords';
import { TimelineTab } from '../components/TimelineTab';
import { TransferModal } from '../components/TransferModal';
import { WriteFollowUpButton } from '../components/WriteFollowUpButton';

const TABS = ['profile', 'related', 'contacts', 'followups', 'credit', 'attachments', 'timeline'] as const;
type TabKey = (typeof TABS)[number];

export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const [sp, setSp] = useSearchParams();
  const [transferOpen, setTransferOpen] = useState(false);
  const isMobile = useIsMobile();
  const query = useCustomer(id);
  const del = useDeleteCustomer(id);
  const recheck = useRecheckCustomer(id);

  const tabParam = sp.get('tab') as TabKey | null;
  const tab: TabKey = tabParam && TABS.includes(tabParam) ? tabParam : 'profile';

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const customer = query.data;

  const onDelete = () =>
    del.mutate(customer.version, {
      onSuccess: (res) => {
        // Within the retention period the customer is archived, not deleted (records.retentionYears).
        message.success(res.archived ? t('customer.archived', { date: res.retainedUntil }) : t('common.deleted'));
        navigate('/customers', { replace: true });
      },
      onError: (e) => handleError(e, { onStale: () => void query.refetch() }),
    });

  const onTransferred = () =>
    recheck().then(
      (visible) => {
        if (visible) {
          message.success(t('customer.transferred'));
          return;
        }
        message.info(t('customer.transferredAway'));
        navigate('/customers', { replace: true });
      },
      (e) => handleError(e),
    );

  const openTab = (key: TabKey) => {
    const next = new URLSearchParams(sp);
    if (key === 'profile') next.delete('tab');
    else next.set('tab', key);
    setSp(next, { replace: true });
  };
  const tabLabel = (key: TabKey) => <span data-testid={`tab-${key}`}>{t(`customer.tabs.${key}`)}</span>;

  return (
    <Card>
      <PageHeader
        onBack={() => navigate('/customers')}
        title={<span data-testid="customer-title">{customer.name}</span>}
        subTitle={<span data-testid="customer-no">{customer.no}</span>}
        tags={
          <>
            {customer.class ? (
              <StatusTag
                dict="dict.customerClass"
                value={customer.class}
                colors={CLASS_COLORS}
                testId="customer-class"
              />
            ) : null}
            <Tag>{t(`dict.customerKind.${customer.kind}`, { defaultValue: customer.kind })}</Tag>
            <CustomerDealerTag customerId={id} />
            {customer.archivedAt ? (
              <Tag color="default" data-testid="customer-archived">
                {t('customer.archivedTag')}
              </Tag>
            ) : null}
            <span data-testid="customer-owner">
              {t('customer.ownerLabel', { owner: customer.ownerName ?? t('common.none') })}
              {customer.deptName ? ` · ${customer.deptName}` : ''}
            </span>
          </>
        }
        extra={
          <>
            <WriteFollowUpButton customerId={id} size={isMobile ? 'large' : undefined} />
            {hasPermission('complaint.create') ? (
              <Button onClick={() => navigate(`/complaints?new=1&customerId=${id}`)} data-testid="customer-complaint">
                {t('complaint.new')}
              </Button>
            ) : null}
            {hasPermission('customer.edit') ? (
              <Button
                icon={<EditOutlined />}
                onClick={() => navigate(`/customers/${id}/edit`)}
                data-testid="customer-edit"
              >
                {t('common.edit')}
              </Button>
            ) : null}
            {hasPermission('customer.transfer') ? (
              <Button icon={<SwapOutlined />} onClick={() => setTransferOpen(true)} data-testid="customer-transfer">
                {t('customer.transfer')}
              </Button>
            ) : null}
            {hasPermission('customer.delete') ? (
              <Popconfirm
                title={t('customer.deleteConfirm', { name: customer.name })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ ...buttonTestId('customer-delete-confirm'), danger: true, loading: del.isPending }}
                onConfirm={onDelete}
              >
                <Button danger icon={<DeleteOutlined />} data-testid="customer-delete">
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <CustomerPoolStatus customer={customer} />
      <RelatedCounts customerId={id} onOpen={() => openTab('related')} />
      <DetailTabs
        activeKey={tab}
        onChange={(key) => openTab(key as TabKey)}
        destroyOnHidden={false}
        items={[
          { key: 'profile', label: tabLabel('profile'), children: <CustomerProfile customer={customer} /> },
          { key: 'related', label: tabLabel('related'), children: <RelatedRecords customerId={id} /> },
          { key: 'contacts', label: tabLabel('contacts'), children: <ContactsTab customerId={id} /> },
          { key: 'followups', label: tabLabel('followups'), children: <FollowUpsTab customerId={id} /> },
          { key: 'credit', label: tabLabel('credit'), children: <CreditTab customer={customer} /> },
          {
            key: 'attachments',
            label: <span data-testid="tab-attachments">{t('attachments.tab')}</span>,
            children: (
              <RecordAttachments recordPath={`/api/customers/${id}`} canChange={hasPermission('customer.edit')} />
            ),
          },
          { key: 'timeline', label: tabLabel('timeline'), children: <TimelineTab customerId={id} /> },
        ]}
      />
      <TransferModal
        customer={customer}
        open={transferOpen}
        onClose={() => setTransferOpen(false)}
        onTransferred={() => void onTransferred()}
      />
    </Card>
  );
}
