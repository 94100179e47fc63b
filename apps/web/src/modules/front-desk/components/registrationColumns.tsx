import { Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, orDash } from '../../../components/format';
import { DictText } from '../../../components/StatusTag';
import { type Registration, ROUTE_COLORS } from '../api';

/** Survey / 补客户 state of a visit as a tag (nothing for ordinary visits). */
export function SurveyTag({ reg }: { reg: Registration }) {
  const { t } = useTranslation();
  if (reg.replacement) return <Tag color="gold">{t('frontDesk.survey.granted')}</Tag>;
  if (reg.survey) return <Tag color="red">{t('frontDesk.survey.flagged')}</Tag>;
  return null;
}

/** 归属冲突 state as a tag: red while the manager has not settled it. */
export function ConflictTag({ reg }: { reg: Registration }) {
  const { t } = useTranslation();
  if (!reg.conflict) return null;
  const color = reg.conflict.status === 'open' ? 'red' : 'default';
  return (
    <Tag color={color} data-testid="fd-conflict-tag">
      {t(`frontDesk.conflict.status.${reg.conflict.status}`)}
    </Tag>
  );
}

/** Columns of a registrations table; `compact` for the desk's today list (time only, fewer columns). */
export function useRegistrationColumns(compact = false): ColumnsType<Registration> {
  const { t } = useTranslation();
  const f = (field: string) => t(`frontDesk.fields.${field}`);
  const columns: ColumnsType<Registration> = [
    {
      title: f('registeredAt'),
      dataIndex: 'registeredAt',
      width: compact ? 80 : 150,
      render: (v: string) => (compact ? formatDateTime(v).slice(11) : formatDateTime(v)),
    },
    {
      title: f('kind'),
      dataIndex: 'kind',
      render: (v: string) => <Tag color={v === 'visit' ? 'cyan' : 'geekblue'}>{t(`frontDesk.kind.${v}`)}</Tag>,
    },
    {
      title: f('visitorName'),
      dataIndex: 'visitorName',
      render: (name: string, r) => (
        <Space size={4} wrap>
          <Link to={`/front-desk/registrations/${r.id}`} onClick={(e) => e.stopPropagation()} data-testid="fd-reg-link">
            {name}
          </Link>
          {/* 归属冲突 where the manager looks first, beside the visitor. */}
          <ConflictTag reg={r} />
        </Space>
      ),
    },
    { title: f('phone'), dataIndex: 'phone', render: orDash },
    { title: f('companyName'), dataIndex: 'companyName', render: orDash },
    { title: f('channel'), dataIndex: 'channel', render: (v: string) => <DictText dict="dict.source" value={v} /> },
    {
      title: f('routedTo'),
      dataIndex: 'routedToName',
      render: (name: string, r) => (
        <span data-testid="fd-reg-routed">
          {name}
          {!compact && r.routedDeptName ? ` · ${r.routedDeptName}` : ''}
        </span>
      ),
    },
    {
      title: f('routeReason'),
      dataIndex: 'routeReason',
      render: (v: string, r) => (
        <Space size={0}>
          <Tag color={ROUTE_COLORS[v]}>{t(`frontDesk.routeReason.${v}`)}</Tag>
          {r.isNewCustomer ? <Tag color="green">{t('frontDesk.newCustomer')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: f('customer'),
      key: 'customer',
      render: (_, r) => (r.customerNo ? `${r.customerNo} ${r.customerName ?? ''}` : '-'),
    },
  ];
  if (!compact) {
    columns.push(
      { title: f('survey'), key: 'survey', render: (_, r) => <SurveyTag reg={r} /> },
      { title: f('registeredByName'), dataIndex: 'registeredByName', render: orDash },
    );
  }
  return columns;
}
