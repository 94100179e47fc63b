import { Alert, App, Card, Form, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { type DuplicateInfo, getDuplicate, useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { type Customer, type CustomerInput, useCustomer, useSaveCustomer } from '../api';
import { CustomerForm, type CustomerFormValues } from '../components/CustomerForm';

const TEXT_FIELDS = ['creditCode', 'idNumber', 'mobile', 'phone', 'email', 'address', 'remark', 'comment'] as const;

function toInitial(c: Customer): Partial<CustomerFormValues> {
  return {
    kind: c.kind,
    name: c.name,
    creditCode: c.creditCode,
    idNumber: c.idNumber,
    mobile: c.mobile,
    phone: c.phone,
    email: c.email,
    address: c.address,
    region: c.region,
    industry: c.industry,
    source: c.source,
    class: c.class,
    tags: c.tags ?? [],
    remark: c.remark,
    gender: c.gender,
    birthDate: c.birthDate,
    occupation: c.occupation,
    interests: c.interests ?? [],
    purchaseIntent: c.purchaseIntent,
  };
}

/** Normalise form values into the request body (trim, blank → null, kind-specific id fields). */
function toBody(v: CustomerFormValues, original?: Customer): CustomerInput {
  const body: CustomerInput = { ...v, tags: v.tags ?? [] };
  for (const f of TEXT_FIELDS) {
    const raw = body[f];
    const s = typeof raw === 'string' ? raw.trim() : raw;
    body[f] = s === '' || s === undefined ? null : s;
  }
  body.name = v.name?.trim() ?? '';
  if (body.kind === 'company') body.idNumber = null;
  else body.creditCode = null;
  for (const f of [
    'region',
    'industry',
    'source',
    'class',
    'gender',
    'birthDate',
    'occupation',
    'purchaseIntent',
  ] as const)
    body[f] = body[f] ?? null;
  body.interests = v.interests ?? [];
  // A masked value (138****5678) sent back unchanged tells the server to keep the stored one.
  if (original) delete body.ownerId;
  else delete body.comment;
  return body;
}

export function CustomerFormPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : undefined;
  const isEdit = id !== undefined;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerFormValues>();
  const [duplicate, setDuplicate] = useState<DuplicateInfo | null>(null);
  const handleError = useApiErrorHandler();
  const query = useCustomer(id ?? 0);
  const save = useSaveCustomer(id);
  const customer = query.data;
  const initialValues = useMemo<Partial<CustomerFormValues>>(
    () => (customer ? toInitial(customer) : { kind: 'company', tags: [] }),
    [customer],
  );

  if (isEdit && !Number.isInteger(id)) return <NotFoundPage />;
  if (isEdit && query.isPending) return <PageSpinner />;
  if (isEdit && query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  const onSubmit = (values: CustomerFormValues) => {
    setDuplicate(null);
    const body = toBody(values, customer);
    save.mutate(isEdit && customer ? { ...body, version: customer.version } : body, {
      onSuccess: (saved) => {
        message.success(t(isEdit ? 'common.updated' : 'common.created'));
        navigate(`/customers/${saved.id}`, { replace: true });
      },
      onError: (err) => {
        const dup = getDuplicate(err);
        if (dup) {
          setDuplicate(dup);
          window.scrollTo({ top: 0, behavior: 'smooth' });
          return;
        }
        // Reload the record and put its current values into the form (the shared form store
        // would otherwise keep the edited values over the new initial values).
        const onStale = () =>
          void query.refetch().then((r) => {
            if (!r.data) return;
            form.resetFields();
            form.setFieldsValue(toInitial(r.data));
          });
        handleError(err, { form, onStale });
      },
    });
  };

  return (
    <Card>
      <PageHeader
        title={isEdit ? t('customer.editTitle') : t('customer.newTitle')}
        subTitle={customer ? `${customer.no} ${customer.name}` : undefined}
        onBack={() => navigate(-1)}
      />
      {duplicate ? (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setDuplicate(null) }}
          style={{ marginBottom: 16 }}
          data-testid="customer-duplicate"
          title={duplicate.message || t('errors.duplicateOwner', { owner: duplicate.ownerName ?? t('common.none') })}
          description={
            duplicate.customerNo || duplicate.customerName ? (
              <Space wrap>
                {t('errors.duplicateCustomer', { no: duplicate.customerNo ?? '', name: duplicate.customerName ?? '' })}
                {duplicate.customerId ? (
                  <Link to={`/customers/${duplicate.customerId}`} data-testid="customer-duplicate-link">
                    {t('errors.viewDuplicate')}
                  </Link>
                ) : null}
              </Space>
            ) : undefined
          }
        />
      ) : null}
      {isEdit && customer?.masked ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('customer.maskedHint')} />
      ) : null}
      <CustomerForm
        key={customer ? `${customer.id}-${customer.version}` : 'new'}
        form={form}
        initialValues={initialValues}
        showOwner={!isEdit}
        submitting={save.isPending}
        onSubmit={onSubmit}
        onCancel={() => (isEdit ? navigate(`/customers/${id}`) : navigate('/customers'))}
      />
    </Card>
  );
}
