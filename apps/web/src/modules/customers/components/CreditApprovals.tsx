import { ExportOutlined } from '@ant-design/icons';
import { Button, Divider, Empty, Flex, Skeleton } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { ApprovalPanel } from '../../../components/ApprovalPanel';
import { useCreditApprovals } from '../creditApi';

/** Approval history of one credit request (read-only); approvers and the applicant get a link to act. */
export function CreditApprovals({ customerId, requestId }: { customerId: number; requestId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useCreditApprovals(customerId, requestId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.items;
  if (items.length === 0) return <Empty description={t('credit.noApprovals')} />;
  return (
    <div data-testid="credit-approvals">
      {items.map((inst, i) => (
        <Fragment key={inst.id}>
          {i > 0 ? <Divider /> : null}
          {inst.myPendingTask || inst.canWithdraw ? (
            <Flex justify="end">
              <Button
                type="link"
                icon={<ExportOutlined />}
                onClick={() => navigate(`/approvals/${inst.id}`)}
                data-testid="credit-open-approval"
              >
                {t('credit.openApproval')}
              </Button>
            </Flex>
          ) : null}
          <ApprovalPanel instance={inst} readOnly />
        </Fragment>
      ))}
    </div>
  );
}
