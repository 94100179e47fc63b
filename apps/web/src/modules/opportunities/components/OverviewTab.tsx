import { Alert, Descriptions, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { DictText, StatusTag } from '../../../components/StatusTag';
import { STATUS_COLORS } from '../constants';
import type { OpportunityDetail } from '../types';
import { StageChecklist } from './StageChecklist';
import { StageTag } from './StageTag';

export interface OverviewTabProps {
  opportunity: OpportunityDetail;
  canEdit: boolean;
  onStale: () => void;
}

export function OverviewTab({ opportunity: o, canEdit, onStale }: OverviewTabProps) {
  const { t } = useTranslation();
  const item = (field: string, children: ReactNode, span?: number) => ({
    key: field,
    label: t(`fields.opportunity.${field}`),
    children: <span data-testid={`opp-profile-${field}`}>{children}</span>,
    span,
  });
  const closed = o.status !== 'open';

  const items = [
    item('no', o.no),
    item('name', o.name),
    item('customerName', <Link to={`/customers/${o.customerId}`}>{o.customerName}</Link>),
    item('pipelineName', o.pipelineName),
    item('stageName', <StageTag name={o.stageName} kind={o.stageKind} />),
    item('status', <StatusTag dict="opportunity.status" value={o.status} colors={STATUS_COLORS} />),
    item('amount', <MoneyText value={o.amount} />),
    item(
      'probability',
      o.probabilityOverride !== null && !closed
        ? t('opportunity.probabilityOverridden', { value: o.probability })
        : t('opportunity.percent', { value: o.probability }),
    ),
    item('expectedCloseDate', formatDate(o.expectedCloseDate)),
    ...(closed ? [item('closedOn', formatDate(o.closedOn))] : []),
    ...(o.status === 'lost'
      ? [
          item('lostCategory', <DictText dict="opportunity.lostCategory" value={o.lostCategory} />),
          item('lostReason', <span style={{ whiteSpace: 'pre-wrap' }}>{orDash(o.lostReason)}</span>, 2),
        ]
      : []),
    item('ownerName', orDash(o.ownerName)),
    item('deptName', orDash(o.deptName)),
    item('createdByName', orDash(o.createdByName)),
    item('createdAt', formatDateTime(o.createdAt)),
    item('updatedAt', formatDateTime(o.updatedAt)),
    item('remark', <span style={{ whiteSpace: 'pre-wrap' }}>{orDash(o.remark)}</span>, 3),
  ];

  return (
    <Flex vertical gap={16}>
      <Descriptions
        data-testid="opportunity-profile"
        bordered
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={items}
      />
      <div>
        <Typography.Title level={5}>{t('opportunity.checklist.title')}</Typography.Title>
        {o.missingToAdvance.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="opp-missing"
            title={t('opportunity.checklist.missing', {
              items: o.missingToAdvance.join(t('timeline.listSeparator')),
            })}
          />
        ) : null}
        <StageChecklist
          opportunity={o}
          editable={canEdit && o.allowedActions.includes('checklist')}
          onStale={onStale}
        />
      </div>
    </Flex>
  );
}
