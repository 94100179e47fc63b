import { Descriptions, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASS_COLORS } from '../../../app/dictionaries';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { DictText, StatusTag } from '../../../components/StatusTag';
import type { Customer } from '../api';
import { ageOf, INTENT_COLORS } from './attributes';

export function CustomerProfile({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  // The age next to the date; a masked date (1978-**-**) shows as it is, without an age.
  const birthText = (d: string | null) => {
    if (!d) return '-';
    if (d.includes('*')) return d;
    return t('customer.birthDateWithAge', { date: formatDate(d), age: ageOf(d) });
  };
  const item = (field: string, children: ReactNode, span?: number) => ({
    key: field,
    label: t(`fields.customer.${field}`),
    children: <span data-testid={`profile-${field}`}>{children}</span>,
    span,
  });

  const items = [
    item('no', c.no),
    item('name', c.name),
    item('kind', <DictText dict="dict.customerKind" value={c.kind} />),
    c.kind === 'company' ? item('creditCode', orDash(c.creditCode)) : item('idNumber', orDash(c.idNumber)),
    item('class', <StatusTag dict="dict.customerClass" value={c.class} colors={CLASS_COLORS} />),
    item('mobile', orDash(c.mobile)),
    item('phone', orDash(c.phone)),
    item('email', orDash(c.email)),
    item('region', <DictText dict="dict.region" value={c.region} />),
    item('industry', <DictText dict="dict.industry" value={c.industry} />),
    item('source', <DictText dict="dict.source" value={c.source} />),
    item('address', orDash(c.address), 2),
    item('purchaseIntent', <StatusTag dict="dict.purchaseIntent" value={c.purchaseIntent} colors={INTENT_COLORS} />),
    item('gender', <DictText dict="dict.gender" value={c.gender} />),
    item('birthDate', birthText(c.birthDate)),
    item('occupation', <DictText dict="dict.occupation" value={c.occupation} />),
    item(
      'interests',
      c.interests?.length ? (
        <Space size={[0, 4]} wrap>
          {c.interests.map((i) => (
            <Tag key={i}>{t(`dict.interest.${i}`)}</Tag>
          ))}
        </Space>
      ) : (
        '-'
      ),
    ),
    item(
      'tags',
      c.tags?.length ? (
        <Space size={[0, 4]} wrap>
          {c.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      ) : (
        '-'
      ),
    ),
    item('ownerName', orDash(c.ownerName)),
    item('deptName', orDash(c.deptName)),
    item('lastFollowUpAt', formatDateTime(c.lastFollowUpAt)),
    item('createdByName', orDash(c.createdByName)),
    item('createdAt', formatDateTime(c.createdAt)),
    item('updatedAt', formatDateTime(c.updatedAt)),
    item('remark', <span style={{ whiteSpace: 'pre-wrap' }}>{orDash(c.remark)}</span>, 2),
  ];

  return (
    <Descriptions data-testid="customer-profile" bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
  );
}
