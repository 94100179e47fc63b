import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { type Registration, ROUTE_COLORS } from '../api';

/** Why the desk sent the visitor to this rep, in words the desk can say aloud. */
export function routeExplanationKey(r: Registration): string {
  if (r.routeReason === 'existing_owner') return 'frontDesk.result.existingOwner';
  if (r.matchedInPool) return 'frontDesk.result.poolRotation';
  if (r.routeReason === 'claimed_rep') return 'frontDesk.result.claimedRep';
  if (r.routeReason === 'replacement') return 'frontDesk.result.replacement';
  return 'frontDesk.result.rotation';
}

export interface RegistrationResultProps {
  reg: Registration;
  onClose: () => void;
}

/** The routing decision of the registration just saved: who receives the visitor, and the customer. */
export function RegistrationResult({ reg, onClose }: RegistrationResultProps) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  return (
    <Card
      data-testid="fd-result"
      style={{ borderColor: '#52c41a', marginBottom: 16 }}
      title={
        <Space>
          <CheckCircleFilled style={{ color: '#52c41a' }} />
          {t('frontDesk.result.title', { kind: t(`frontDesk.kind.${reg.kind}`) })}
        </Space>
      }
      extra={
        <Button type="link" onClick={onClose} data-testid="fd-result-close">
          {t('frontDesk.result.next')}
        </Button>
      }
    >
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="fd-result-rep">
        {t('frontDesk.result.routedTo', { name: reg.routedToName })}
        {reg.routedDeptName ? (
          <Typography.Text type="secondary" style={{ fontSize: 16, marginLeft: 8 }}>
            {reg.routedDeptName}
          </Typography.Text>
        ) : null}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={ROUTE_COLORS[reg.routeReason]} data-testid="fd-result-reason">
          {t(`frontDesk.routeReason.${reg.routeReason}`)}
        </Tag>
        <Tag color={reg.isNewCustomer ? 'green' : 'blue'}>
          {t(reg.isNewCustomer ? 'frontDesk.newCustomer' : 'frontDesk.returningCustomer')}
        </Tag>
        <span>{t(routeExplanationKey(reg))}</span>
      </Space>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'customer',
            label: t('frontDesk.fields.customer'),
            children: (
              <span data-testid="fd-result-customer">
                {reg.customerNo} {reg.customerName}
              </span>
            ),
          },
          { key: 'visitor', label: t('frontDesk.fields.visitorName'), children: reg.visitorName },
          ...(reg.dutyGroupName
            ? [{ key: 'group', label: t('frontDesk.fields.dutyGroup'), children: reg.dutyGroupName }]
            : []),
        ]}
      />
      {hasPermission('frontdesk.view') ? (
        <Link to={`/front-desk/registrations/${reg.id}`} data-testid="fd-result-link">
          {t('frontDesk.result.open')}
        </Link>
      ) : null}
    </Card>
  );
}
