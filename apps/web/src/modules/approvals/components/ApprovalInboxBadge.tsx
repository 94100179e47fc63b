import { AuditOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApprovalInboxCount } from '../api';

/** Header badge: how many approvals wait for me; opens "我的审批". */
export function ApprovalInboxBadge() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useApprovalInboxCount();
  const total = data?.total ?? 0;
  return (
    <Tooltip title={t('approval.badge', { count: total })}>
      <Badge count={total} size="small" overflowCount={99}>
        <Button
          type="text"
          icon={<AuditOutlined />}
          aria-label={t('approval.badge', { count: total })}
          onClick={() => navigate('/approvals')}
          data-testid="header-approvals"
          data-count={total}
        />
      </Badge>
    </Tooltip>
  );
}
