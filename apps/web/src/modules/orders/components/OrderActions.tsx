import {
  AccountBookOutlined,
  AuditOutlined,
  CarOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  FlagOutlined,
  InboxOutlined,
  PhoneOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { money } from '@sales/core';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { PaymentModal } from '../../finance/components/PaymentModal';
import { type OrderCommand, useOrderCommand } from '../api';
import { ORDER_EDIT } from '../constants';
import type { OrderDetail, ReviewResult } from '../types';
import { ReasonModal, type ReasonModalTarget } from './ReasonModal';
import { ReviewModal } from './ReviewModal';

type ReasonKind = 'confirm' | 'return' | 'cancel';

// A payment may be recorded against an order from submission on (finance.target.ts PAYABLE).
const PAYABLE = new Set([
  'submitted',
  'under_review',
  'approved',
  'in_preparation',
  'partially_delivered',
  'delivered',
]);

// Special requirements are confirmed until the review passes (not a table transition: the server's
// confirmSpecialRequirements checks the same statuses).
const SPECIAL_CONFIRM_STATUSES = new Set(['draft', 'submitted', 'under_review']);

/**
 * The order's buttons, derived from the `actions` the server allows now: its status
 * (ORDER_TRANSITIONS in packages/core orders.ts), the user's permissions, 评审与录入分离 and a
 * running credit-override approval are all applied there, so a button here is never refused for them.
 */
export function OrderActions({ order, onStale }: { order: OrderDetail; onStale: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const command = useOrderCommand(order.id);
  const [reason, setReason] = useState<ReasonKind | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [cashing, setCashing] = useState(false);
  const qc = useQueryClient();
  // 门市销售: what the counter still has to collect before the goods are released.
  const due = money(order.totalGross)
    .minus(order.receivedAmount)
    .minus(order.writtenOffAmount ?? '0');

  const can = (action: string) => order.actions.includes(action);
  const version = order.version;

  const run = (cmd: OrderCommand, done: string, after?: () => void) =>
    command.mutate(cmd, {
      onSuccess: (res) => {
        after?.();
        if (cmd.command === 'review') {
          const r = res as ReviewResult | undefined;
          if (r && r.outcome !== 'passed') {
            modal.warning({
              title: t('order.review.blockedTitle'),
              content: (
                <span data-testid="order-review-blocked">
                  {t('order.review.blockedBy', {
                    blockers: r.blockers
                      .map((b) => t(`order.review.blocker.${b}`, { defaultValue: b }))
                      .join(t('timeline.listSeparator')),
                  })}
                  {r.creditApprovalInstanceId ? ` ${t('order.review.creditApprovalStarted')}` : ''}
                </span>
              ),
              okText: t('common.ok'),
            });
            return;
          }
        }
        message.success(done);
      },
      onError: (err) => handleError(err, { onStale }),
    });

  const reasonTargets: Record<ReasonKind, ReasonModalTarget> = {
    confirm: {
      title: t('order.confirm.title'),
      label: t('order.confirm.note'),
      okText: t('order.actions.confirm'),
      required: true,
      testId: 'order-confirm',
    },
    return: {
      title: t('order.return.title'),
      label: t('order.return.reason'),
      okText: t('order.actions.return'),
      required: true,
      testId: 'order-return',
    },
    cancel: {
      title: t('order.cancel.title', { no: order.no }),
      label: t('order.cancel.reason'),
      okText: t('order.actions.cancel'),
      danger: true,
      required: true,
      testId: 'order-cancel',
    },
  };

  const onReason = (text: string) => {
    const close = () => setReason(null);
    if (reason === 'confirm')
      run({ command: 'confirm', body: { note: text, version } }, t('order.done.confirm'), close);
    if (reason === 'return') run({ command: 'return', body: { reason: text, version } }, t('order.done.return'), close);
    if (reason === 'cancel') run({ command: 'cancel', body: { reason: text, version } }, t('order.done.cancel'), close);
  };

  const simple = (cmd: 'submit' | 'prepare' | 'complete' | 'confirm-special', icon: ReactNode, primary = false) => (
    <Popconfirm
      key={cmd}
      title={t(`order.ask.${cmd}`)}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onConfirm={() => run({ command: cmd, body: { version } }, t(`order.done.${cmd}`))}
    >
      <Button
        type={primary ? 'primary' : 'default'}
        icon={icon}
        loading={command.isPending}
        data-testid={`order-${cmd}`}
      >
        {t(`order.actions.${cmd}`)}
      </Button>
    </Popconfirm>
  );

  const needsSpecialConfirm = Boolean(order.specialRequirements?.trim()) && !order.specialConfirmedAt;
  const buttons: ReactNode[] = [];
  if (can('edit')) {
    buttons.push(
      <Button
        key="edit"
        icon={<EditOutlined />}
        onClick={() => navigate(`/orders/${order.id}/edit`)}
        data-testid="order-edit"
      >
        {t('common.edit')}
      </Button>,
    );
  }
  if (can('confirm')) {
    buttons.push(
      <Button key="confirm" icon={<PhoneOutlined />} onClick={() => setReason('confirm')} data-testid="order-confirm">
        {order.confirmedAt ? t('order.actions.reconfirm') : t('order.actions.confirm')}
      </Button>,
    );
  }
  // The server takes the customer's final confirmation of special requirements until the review is done.
  if (needsSpecialConfirm && SPECIAL_CONFIRM_STATUSES.has(order.status) && hasPermission(ORDER_EDIT)) {
    buttons.push(simple('confirm-special', <FlagOutlined />));
  }
  if (can('submit')) buttons.push(simple('submit', <SendOutlined />, true));
  if (can('start_review') || can('pass_review')) {
    buttons.push(
      <Button
        key="review"
        type="primary"
        icon={<AuditOutlined />}
        onClick={() => setReviewing(true)}
        data-testid="order-review"
      >
        {t('order.actions.review')}
      </Button>,
    );
  }
  if (can('return_to_draft')) {
    buttons.push(
      <Button key="return" icon={<RollbackOutlined />} onClick={() => setReason('return')} data-testid="order-return">
        {t('order.actions.return')}
      </Button>,
    );
  }
  if (can('prepare')) buttons.push(simple('prepare', <InboxOutlined />, true));
  // Delivery notes are made from approved orders (SPEC 3.5), partial deliveries allowed.
  if (can('deliver_part')) {
    buttons.push(
      <Button
        key="deliver"
        icon={<CarOutlined />}
        onClick={() => navigate(`/deliveries/new?orderId=${order.id}`)}
        data-testid="order-new-delivery"
      >
        {t('order.actions.newDelivery')}
      </Button>,
    );
  }
  if (order.status !== 'draft' && hasPermission('delivery.view')) {
    buttons.push(
      <Button
        key="deliveries"
        onClick={() => navigate(`/deliveries?orderId=${order.id}`)}
        data-testid="order-deliveries"
      >
        {t('order.actions.deliveries')}
      </Button>,
    );
  }
  if (order.channel === 'counter' && PAYABLE.has(order.status) && due.gt(0) && hasPermission('payment.report')) {
    buttons.push(
      <Button
        key="counter"
        icon={<AccountBookOutlined />}
        onClick={() => setCashing(true)}
        data-testid="order-counter-pay"
      >
        {t('order.actions.counterPay')}
      </Button>,
    );
  }
  if (can('complete')) buttons.push(simple('complete', <CheckCircleOutlined />, true));
  if (can('cancel')) {
    buttons.push(
      <Button
        key="cancel"
        danger
        icon={<CloseCircleOutlined />}
        onClick={() => setReason('cancel')}
        data-testid="order-cancel"
      >
        {t('order.actions.cancel')}
      </Button>,
    );
  }

  return (
    <>
      <Space wrap>{buttons}</Space>
      <ReasonModal
        target={reason ? reasonTargets[reason] : null}
        submitting={command.isPending}
        onSubmit={onReason}
        onClose={() => setReason(null)}
      />
      <ReviewModal
        order={reviewing ? order : null}
        submitting={command.isPending}
        onSubmit={(v) =>
          run({ command: 'review', body: { ...v, version } }, t('order.done.review'), () => setReviewing(false))
        }
        onClose={() => setReviewing(false)}
      />
      <PaymentModal
        open={cashing}
        onClose={() => setCashing(false)}
        counter={{
          orderId: order.id,
          orderNo: order.no,
          amountDue: due.toFixed(2),
          payerName: order.customerName,
        }}
        onRecorded={(p) => {
          void qc.invalidateQueries({ queryKey: ['orders'] });
          if (p.receiptNo) {
            message.success(t('order.done.counterPaid'));
            // The paid sales voucher the customer collects the goods with (顾客凭收款凭证取货).
            window.open(`/api/payments/${p.id}/receipt`, '_blank', 'noopener');
          } else message.success(t('order.done.counterReported'));
        }}
      />
    </>
  );
}
