import {
  AccountBookOutlined,
  AuditOutlined,
  CarOutlined,
  EditOutlined,
  FileAddOutlined,
  FormOutlined,
  MonitorOutlined,
  PhoneOutlined,
  ShoppingCartOutlined,
  ToolOutlined,
  UserAddOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';

// The daily actions of each role (seed 000 公司销售人员管理流程; issue 13 item 6), shown by permission.
const SHORTCUTS: { key: string; path: string; permission: string; icon: ReactNode }[] = [
  { key: 'workLog', path: '/work-logs/mine', permission: 'worklog.write', icon: <EditOutlined /> },
  { key: 'followUps', path: '/follow-ups', permission: 'followup.create', icon: <PhoneOutlined /> },
  { key: 'newCustomer', path: '/customers/new', permission: 'customer.create', icon: <UserAddOutlined /> },
  { key: 'newQuote', path: '/quotes/new', permission: 'quote.create', icon: <FileAddOutlined /> },
  { key: 'newOrder', path: '/orders/new', permission: 'order.create', icon: <ShoppingCartOutlined /> },
  { key: 'register', path: '/front-desk', permission: 'frontdesk.register', icon: <FormOutlined /> },
  { key: 'payments', path: '/finance/payments', permission: 'payment.confirm', icon: <WalletOutlined /> },
  { key: 'invoices', path: '/finance/invoices', permission: 'invoice.issue', icon: <AccountBookOutlined /> },
  { key: 'deliveries', path: '/deliveries', permission: 'delivery.ship', icon: <CarOutlined /> },
  { key: 'tickets', path: '/service/my-tickets', permission: 'ticket.handle', icon: <ToolOutlined /> },
  { key: 'teamLogs', path: '/work-logs', permission: 'worklog.comment', icon: <AuditOutlined /> },
  { key: 'processHealth', path: '/process-health', permission: 'monitor.view', icon: <MonitorOutlined /> },
];

/** Buttons to the role's daily actions. */
export function Shortcuts() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hasPermission } = useAuth();
  const shown = SHORTCUTS.filter((s) => hasPermission(s.permission));
  if (shown.length === 0) return null;
  return (
    <Card size="small" title={t('workbench.shortcuts')} data-testid="workbench-shortcuts">
      <Flex wrap gap={8}>
        {shown.map((s) => (
          <Button key={s.key} icon={s.icon} onClick={() => navigate(s.path)} data-testid={`shortcut-${s.key}`}>
            {t(`workbench.shortcut.${s.key}`)}
          </Button>
        ))}
      </Flex>
    </Card>
  );
}
