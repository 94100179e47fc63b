import { Descriptions, Drawer, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorSection, QueryErrorResult } from '../../../app/ErrorPages';
import { DocumentLinks } from '../../../components/DocumentLinks';
import { formatDate, orDash } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { DictText, StatusTag } from '../../../components/StatusTag';
import { useIsMobile } from '../../../components/useIsMobile';
import { usePayment } from '../api';
import { PAYMENT_STATUS_COLORS } from '../constants';

/** A payment's detail (opened from the list or a link): its order or contract and invoices, and its facts. */
export function PaymentDetailDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const detail = usePayment(id);
  const p = detail.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={isMobile ? '100%' : 640}
      title={p ? `${t('finance.payment.no')} ${p.no}` : ''}
      data-testid="payment-drawer"
    >
      <ErrorSection what={t('documents.type.payment')}>
        {detail.isPending ? <Skeleton active /> : null}
        {detail.isError ? <QueryErrorResult error={detail.error} onRetry={() => void detail.refetch()} /> : null}
        {p ? (
          <>
            <DocumentLinks type="payment" id={p.id} />
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
              <Descriptions.Item label={t('finance.customer')}>{p.customerName}</Descriptions.Item>
              <Descriptions.Item label={t('finance.status')}>
                <StatusTag dict="finance.paymentStatus" value={p.status} colors={PAYMENT_STATUS_COLORS} />
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.payment.kind')}>
                <DictText dict="finance.paymentKind" value={p.kind} />
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.payment.method')}>
                <DictText dict="finance.paymentMethod" value={p.method} />
                {p.chequeNo ? ` ${p.chequeNo}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.payment.amount')}>
                <MoneyText value={p.amount} />
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.payment.receivedDate')}>
                {formatDate(p.receivedDate)}
              </Descriptions.Item>
              <Descriptions.Item label={t('finance.payment.payerName')}>{orDash(p.payerName)}</Descriptions.Item>
              <Descriptions.Item label={t('finance.payment.receiptNo')}>{orDash(p.receiptNo)}</Descriptions.Item>
              <Descriptions.Item label={t('finance.owner')}>{orDash(p.ownerName)}</Descriptions.Item>
              <Descriptions.Item label={t('finance.payment.remark')}>{orDash(p.remark)}</Descriptions.Item>
            </Descriptions>
          </>
        ) : null}
      </ErrorSection>
    </Drawer>
  );
}
