import { CheckCircleTwoTone } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, List, Popconfirm, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import type { TicketCharge, TicketDetail, TicketPart } from '../types';

/** The work on a ticket: visits with photos, parts used, charges with their total, the signed report, installation handover. */
export function TicketWork({
  d,
  canCheck,
  onCheck,
}: {
  d: TicketDetail;
  canCheck: boolean;
  onCheck: (item: 'training' | 'manual') => void;
}) {
  const { t } = useTranslation();
  const f = (k: string) => t(`service.fields.${k}`);
  const none = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('service.empty')} />;
  const facts = [
    { item: 'training' as const, at: d.trainingDoneAt, by: d.trainingDoneByName },
    { item: 'manual' as const, at: d.manualHandedAt, by: d.manualHandedByName },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('service.work.visits')} data-testid="ticket-visits">
        {d.visits.length === 0 ? (
          none
        ) : (
          <List
            dataSource={d.visits}
            renderItem={(v) => (
              <List.Item>
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Typography.Text strong>
                    {v.engineerName} · {formatDateTime(v.arrivedAt)}
                    {v.leftAt ? ` – ${formatDateTime(v.leftAt)}` : ''}
                  </Typography.Text>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{v.workDone}</span>
                  {v.photos.length ? (
                    <Space wrap>
                      {v.photos.map((p) => (
                        <a key={p.id} href={`/api/attachments/${p.id}`} target="_blank" rel="noreferrer">
                          <img
                            src={`/api/attachments/${p.id}`}
                            alt={p.fileName}
                            style={{
                              width: 72,
                              height: 72,
                              objectFit: 'cover',
                              borderRadius: 4,
                              border: '1px solid #f0f0f0',
                            }}
                          />
                        </a>
                      ))}
                    </Space>
                  ) : null}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('service.work.parts')} data-testid="ticket-parts">
        {d.parts.length === 0 ? (
          none
        ) : (
          <DataTable<TicketPart>
            rowKey="id"
            items={d.parts}
            rowTestId="part-row"
            columns={[
              { title: f('part'), key: 'p', render: (_, p) => `${p.productCode} ${p.productName}` },
              {
                title: f('batch'),
                key: 'b',
                render: (_, p) => [p.batchNo, p.serialNo].filter(Boolean).join(' / ') || '-',
              },
              { title: f('qty'), key: 'q', align: 'right', render: (_, p) => `${p.qty} ${p.unit}` },
              { title: f('warehouse'), dataIndex: 'warehouseName' },
              { title: f('recordedAt'), dataIndex: 'createdAt', render: formatDateTime },
            ]}
          />
        )}
      </Card>
      <Card
        size="small"
        title={t('service.work.charges')}
        extra={
          <span data-testid="charge-total">
            {t('service.fields.chargeTotal')}：<MoneyText value={d.chargeTotal} />
          </span>
        }
        data-testid="ticket-charges"
      >
        {d.charges.length === 0 ? (
          <Typography.Text type="secondary">
            {d.inWarranty ? t('service.work.freeInWarranty') : t('service.empty')}
          </Typography.Text>
        ) : (
          <DataTable<TicketCharge>
            rowKey="id"
            items={d.charges}
            rowTestId="charge-row"
            columns={[
              { title: f('chargeDescription'), dataIndex: 'description' },
              {
                title: f('amount'),
                dataIndex: 'amount',
                align: 'right',
                render: (v: string) => <MoneyText value={v} />,
              },
              { title: f('recordedAt'), dataIndex: 'createdAt', render: formatDateTime },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t('service.work.report')} data-testid="ticket-report">
        {d.reportSignedAt ? (
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={f('signerName')}>{d.reportSignerName}</Descriptions.Item>
            <Descriptions.Item label={f('signedAt')}>
              {formatDateTime(d.reportSignedAt)}（{t('service.report.recordedBy', { name: d.reportSignedByName ?? '' })}
              ）
            </Descriptions.Item>
            <Descriptions.Item label={f('signedReport')}>
              <a
                href={`/api/attachments/${d.reportAttachmentId}`}
                target="_blank"
                rel="noreferrer"
                data-testid="signed-report"
              >
                {t('service.report.open')}
              </a>
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('service.report.unsigned')}</Typography.Text>
        )}
      </Card>
      {d.type === 'installation' ? (
        <Card size="small" title={t('service.work.handover')} data-testid="ticket-handover">
          <List
            dataSource={facts}
            renderItem={(x) => (
              <List.Item
                actions={
                  !x.at && canCheck
                    ? [
                        // A recorded fact (who, when) cannot be taken back: confirm first.
                        <Popconfirm
                          key="rec"
                          title={t('service.check.confirm', { item: t(`service.check.${x.item}`) })}
                          onConfirm={() => onCheck(x.item)}
                        >
                          <Button size="small" data-testid={`check-${x.item}`}>
                            {t('service.check.record')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <Space wrap>
                  {x.at ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : null}
                  <span>{t(`service.check.${x.item}`)}</span>
                  <Typography.Text type="secondary">
                    {x.at
                      ? t('service.check.doneBy', { name: x.by ?? '', at: formatDateTime(x.at) })
                      : t('service.check.pending')}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
    </Space>
  );
}
