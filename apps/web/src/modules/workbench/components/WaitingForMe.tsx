import { Card, Col, Empty, List, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { docTypeLabelKey } from '../../../components/ApprovalFacts';
import type { Workbench } from '../api';
import { CountBadge, WorkItemCard, WorkItemRow } from './WorkItemList';

/**
 * Approvals waiting for me and the documents waiting for my action, one card each (工作台 and
 * 我的待办 show the same, so nothing waits unseen). `onlyBusy` leaves out the empty sources.
 */
export function WaitingForMe({ data, onlyBusy = false }: { data: Workbench; onlyBusy?: boolean }) {
  const { t } = useTranslation();
  const sources = data.sources.filter((s) => s.group === 'action' && (!onlyBusy || s.total > 0));
  const showApprovals = !onlyBusy || data.approvals.total > 0;
  if (!showApprovals && sources.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.nothingWaiting')} />;
  }
  return (
    <Row gutter={[16, 16]}>
      {showApprovals ? (
        <Col xs={24} lg={12} xl={8}>
          <Card
            size="small"
            data-testid="source-approvals"
            title={
              <span>
                {t('workbench.approvals')}
                <CountBadge n={data.approvals.total} />
              </span>
            }
            extra={
              data.approvals.total > data.approvals.items.length ? (
                <Link to="/approvals">{t('workbench.more')}</Link>
              ) : null
            }
          >
            {data.approvals.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.none')} />
            ) : (
              <List
                size="small"
                dataSource={data.approvals.items}
                renderItem={(a) => (
                  <WorkItemRow
                    key={a.taskId}
                    to={`/approvals/${a.instanceId}`}
                    title={`${t(docTypeLabelKey(a.docType))}：${a.summary}`}
                  />
                )}
              />
            )}
          </Card>
        </Col>
      ) : null}
      {sources.map((s) => (
        <Col xs={24} lg={12} xl={8} key={s.key}>
          <WorkItemCard source={s} today={data.today} />
        </Col>
      ))}
    </Row>
  );
}
