import { FlagOutlined, GiftOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, type DescriptionsProps, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { NotFoundPage, QueryErrorResult } from '../../../app/ErrorPages';
import { formatDateTime, orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { DictText } from '../../../components/StatusTag';
import { type Registration, ROUTE_COLORS, useRegistration } from '../api';
import { ConflictModal } from '../components/ConflictModal';
import { routeExplanationKey } from '../components/RegistrationResult';
import { ConflictTag, SurveyTag } from '../components/registrationColumns';
import { MarketSurveyModal, ReplacementModal } from '../components/SurveyModals';

type Items = NonNullable<DescriptionsProps['items']>;

function SurveySection({ reg }: { reg: Registration }) {
  const { t } = useTranslation();
  const s = reg.survey;
  const g = reg.replacement;
  if (!s) return null;
  const f = (field: string) => t(`frontDesk.survey.fields.${field}`);
  const items: Items = [
    { key: 'flaggedAt', label: f('flaggedAt'), children: formatDateTime(s.flaggedAt) },
    { key: 'flaggedBy', label: f('flaggedBy'), children: orDash(s.flaggedByName) },
    { key: 'rep', label: f('rep'), children: orDash(s.repName) },
    { key: 'visitor', label: f('visitorConfirmed'), children: s.visitorConfirmed ? t('common.yes') : t('common.no') },
    { key: 'note', label: f('note'), children: orDash(s.note), span: 2 },
  ];
  if (g) {
    items.push(
      { key: 'grantUser', label: f('grantUser'), children: orDash(g.userName) },
      {
        key: 'grantedBy',
        label: f('grantedBy'),
        children: `${orDash(g.grantedByName)} · ${formatDateTime(g.grantedAt)}`,
      },
      {
        key: 'consumed',
        label: f('consumed'),
        children: g.consumedRegistrationId ? (
          <Link to={`/front-desk/registrations/${g.consumedRegistrationId}`}>
            {t('frontDesk.survey.consumedAt', { date: formatDateTime(g.consumedAt) })}
          </Link>
        ) : (
          <Tag color="orange">{t('frontDesk.survey.waiting')}</Tag>
        ),
      },
      { key: 'grantNote', label: f('grantNote'), children: orDash(g.note) },
    );
  }
  return (
    <Card size="small" title={t('frontDesk.survey.section')} data-testid="fd-survey-section">
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2 }} items={items} />
    </Card>
  );
}

function ConflictSection({ reg }: { reg: Registration }) {
  const { t } = useTranslation();
  const c = reg.conflict;
  if (!c) return null;
  const f = (field: string) => t(`frontDesk.conflict.fields.${field}`);
  const items: Items = [
    { key: 'status', label: f('status'), children: <ConflictTag reg={reg} /> },
    { key: 'named', label: f('named'), children: orDash(c.repName) },
    { key: 'owner', label: f('owner'), children: reg.routedToName },
  ];
  if (c.status !== 'open')
    items.push(
      {
        key: 'resolvedBy',
        label: f('resolvedBy'),
        children: `${orDash(c.resolvedByName)} · ${formatDateTime(c.resolvedAt)}`,
      },
      { key: 'note', label: f('note'), children: orDash(c.note), span: 2 },
    );
  return (
    <Card size="small" title={t('frontDesk.conflict.section')} data-testid="fd-conflict-section">
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2 }} items={items} />
    </Card>
  );
}

/** One registration: the visitor, the routing decision, market-survey flag and 补客户 grant. */
export function RegistrationDetailPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const [modal, setModal] = useState<'survey' | 'grant' | 'conflict' | null>(null);
  const query = useRegistration(id);

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageSpinner />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const desk = hasPermission('frontdesk.register');
  const canFlag = desk && r.kind === 'visit' && !r.survey;
  const canGrant = hasPermission('frontdesk.grant') && !!r.survey && !r.replacement;
  const canResolve = hasPermission('frontdesk.resolve') && r.conflict?.status === 'open';
  const customerText = r.customerNo ? `${r.customerNo} ${r.customerName ?? ''}` : '-';

  const f = (field: string) => t(`frontDesk.fields.${field}`);
  const items: Items = [
    { key: 'kind', label: f('kind'), children: t(`frontDesk.kind.${r.kind}`) },
    { key: 'registeredAt', label: f('registeredAt'), children: formatDateTime(r.registeredAt) },
    { key: 'registeredBy', label: f('registeredByName'), children: orDash(r.registeredByName) },
    { key: 'visitorName', label: f('visitorName'), children: r.visitorName },
    { key: 'phone', label: f('phone'), children: <span data-testid="fd-detail-phone">{orDash(r.phone)}</span> },
    { key: 'companyName', label: f('companyName'), children: orDash(r.companyName) },
    { key: 'channel', label: f('channel'), children: <DictText dict="dict.source" value={r.channel} /> },
    { key: 'budget', label: f('budget'), children: <MoneyText value={r.budget} /> },
    {
      key: 'repClaimed',
      label: f('repUserId'),
      children: [r.repClaimedName, r.repClaimedText].filter(Boolean).join(' · ') || '-',
    },
    { key: 'intent', label: f('intent'), children: orDash(r.intent), span: 3 },
    {
      key: 'notes',
      label: f('notes'),
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{orDash(r.notes)}</span>,
      span: 3,
    },
    {
      key: 'routedTo',
      label: f('routedTo'),
      children: (
        <span data-testid="fd-detail-routed">
          {r.routedToName}
          {r.routedDeptName ? ` · ${r.routedDeptName}` : ''}
        </span>
      ),
    },
    {
      key: 'routeReason',
      label: f('routeReason'),
      children: (
        <Space size={4} wrap>
          <Tag color={ROUTE_COLORS[r.routeReason]}>{t(`frontDesk.routeReason.${r.routeReason}`)}</Tag>
          <span>{t(routeExplanationKey(r))}</span>
        </Space>
      ),
      span: 2,
    },
    { key: 'dutyGroup', label: f('dutyGroup'), children: orDash(r.dutyGroupName) },
    {
      key: 'customer',
      label: f('customer'),
      children:
        hasPermission('customer.view') && !desk ? (
          <Link to={`/customers/${r.customerId}`}>{customerText}</Link>
        ) : (
          customerText
        ),
    },
    {
      key: 'isNew',
      label: f('isNewCustomer'),
      children: t(r.isNewCustomer ? 'frontDesk.newCustomer' : 'frontDesk.returningCustomer'),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <PageHeader
          onBack={() => navigate('/front-desk/registrations')}
          title={<span data-testid="fd-detail-title">{r.visitorName}</span>}
          subTitle={r.regDate}
          tags={
            <>
              <Tag color={r.kind === 'visit' ? 'cyan' : 'geekblue'}>{t(`frontDesk.kind.${r.kind}`)}</Tag>
              <ConflictTag reg={r} />
              <SurveyTag reg={r} />
            </>
          }
          extra={
            <>
              {canResolve ? (
                <Button
                  type="primary"
                  danger
                  icon={<SwapOutlined />}
                  onClick={() => setModal('conflict')}
                  data-testid="fd-conflict-resolve"
                >
                  {t('frontDesk.conflict.resolve')}
                </Button>
              ) : null}
              {canFlag ? (
                <Button icon={<FlagOutlined />} onClick={() => setModal('survey')} data-testid="fd-survey">
                  {t('frontDesk.survey.flag')}
                </Button>
              ) : null}
              {canGrant ? (
                <Button type="primary" icon={<GiftOutlined />} onClick={() => setModal('grant')} data-testid="fd-grant">
                  {t('frontDesk.survey.grant')}
                </Button>
              ) : null}
            </>
          }
        />
        <Descriptions data-testid="fd-detail" bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
      </Card>
      <ConflictSection reg={r} />
      <SurveySection reg={r} />
      <ConflictModal reg={r} open={modal === 'conflict'} onClose={() => setModal(null)} />
      <MarketSurveyModal reg={r} open={modal === 'survey'} onClose={() => setModal(null)} />
      <ReplacementModal reg={r} open={modal === 'grant'} onClose={() => setModal(null)} />
    </Space>
  );
}
