import { Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Select, Space, Table, Timeline } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/AuthContext';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { DataTable } from '../../../components/DataTable';
import { formatDate } from '../../../components/format';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useListUrlState } from '../../../components/useListUrlState';
import { type Competitor, useCompetitor, useCompetitors, useLostOpportunities, useResearchWrite } from '../api';
import { CompetitorModal } from '../components/CompetitorModal';

const LEVEL_COLORS = { excellent: 'green', good: 'blue', average: 'gold', poor: 'red' };

/** A competitor: its prices, dated moves and the lost opportunities (of the viewer's scope) linked to it. */
function CompetitorDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const handleError = useApiErrorHandler();
  const q = useCompetitor(id);
  const canManage = hasPermission('competitor.manage');
  const lostOpps = useLostOpportunities(!!id && canManage && hasPermission('opportunity.view'));
  const [editing, setEditing] = useState(false);
  const [moveForm] = Form.useForm<{ movedOn: Dayjs; description: string }>();
  const [linkId, setLinkId] = useState<number>();
  const addMove = useResearchWrite<{ _id: number; movedOn: string; description: string }>(
    'POST',
    (b) => `/api/competitors/${b._id}/moves`,
  );
  const link = useResearchWrite<{ _id: number; opportunityId: number }>(
    'POST',
    (b) => `/api/competitors/${b._id}/lost-opportunities`,
  );
  const c = q.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size="large"
      title={c?.name}
      destroyOnHidden
      extra={canManage && c ? <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button> : null}
    >
      {c ? (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('research.fields.products')}>{c.products || '-'}</Descriptions.Item>
            <Descriptions.Item label={t('research.fields.serviceLevel')}>
              <StatusTag dict="research.serviceLevel" value={c.serviceLevel} colors={LEVEL_COLORS} />
            </Descriptions.Item>
            <Descriptions.Item label={t('research.fields.note')}>{c.note || '-'}</Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="product"
            pagination={false}
            title={() => t('research.offers')}
            dataSource={c.offers}
            columns={[
              { title: t('research.fields.product'), dataIndex: 'product' },
              {
                title: t('research.fields.price'),
                dataIndex: 'price',
                align: 'right',
                render: (v) => <MoneyText value={v} />,
              },
            ]}
          />
          <Card size="small" title={t('research.moves')}>
            {canManage ? (
              <Form
                form={moveForm}
                layout="inline"
                style={{ marginBottom: 12, rowGap: 8 }}
                onFinish={(v) =>
                  addMove.mutate(
                    { _id: c.id, movedOn: v.movedOn.format('YYYY-MM-DD'), description: v.description },
                    { onSuccess: () => moveForm.resetFields(), onError: (e) => handleError(e, { form: moveForm }) },
                  )
                }
              >
                <Form.Item name="movedOn" rules={[{ required: true }]}>
                  <DatePicker placeholder={t('research.fields.movedOn')} />
                </Form.Item>
                <Form.Item name="description" rules={[{ required: true }]}>
                  <Input placeholder={t('research.fields.move')} maxLength={2000} />
                </Form.Item>
                <Button htmlType="submit">{t('research.addMove')}</Button>
              </Form>
            ) : null}
            <Timeline
              items={(c.moves ?? []).map((m) => ({ children: `${formatDate(m.movedOn)}　${m.description}` }))}
            />
          </Card>
          <Card
            size="small"
            title={
              <span>
                {t('research.lostOpportunities')}　<MoneyText value={c.lostAmount} />
              </span>
            }
          >
            {canManage && lostOpps.data ? (
              <Space wrap style={{ marginBottom: 12 }}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  style={{ minWidth: 240 }}
                  placeholder={t('research.pickLost')}
                  value={linkId}
                  onChange={setLinkId}
                  options={lostOpps.data.items.map((o) => ({ value: o.id, label: `${o.no} ${o.name}` }))}
                />
                <Button
                  disabled={!linkId}
                  onClick={() =>
                    linkId &&
                    link.mutate(
                      { _id: c.id, opportunityId: linkId },
                      { onSuccess: () => setLinkId(undefined), onError: (e) => handleError(e) },
                    )
                  }
                >
                  {t('research.link')}
                </Button>
              </Space>
            ) : null}
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 520 }}
              dataSource={c.lostOpportunities}
              columns={[
                { title: t('research.fields.opportunity'), dataIndex: 'name', render: (v, o) => `${o.no} ${v}` },
                {
                  title: t('research.fields.amount'),
                  dataIndex: 'amount',
                  align: 'right',
                  render: (v) => <MoneyText value={v} />,
                },
                { title: t('research.fields.closedOn'), dataIndex: 'closedOn', render: formatDate },
                { title: t('research.fields.lostReason'), dataIndex: 'lostReason' },
              ]}
            />
          </Card>
          <CompetitorModal open={editing} edit={c} onClose={() => setEditing(false)} />
        </Space>
      ) : null}
    </Drawer>
  );
}

/** 竞争对手 (SPEC 2.2): products, prices, service level, observed moves and the deals lost to each. */
export function CompetitorsPage() {
  const { t } = useTranslation();
  const { hasPermission } = useAuth();
  const { page, pageSize, patch } = useListUrlState();
  const [keyword, setKeyword] = useState<string>();
  const q = useCompetitors({ keyword, page, pageSize });
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const f = (k: string) => t(`research.fields.${k}`);
  const columns: ColumnsType<Competitor> = [
    { title: f('name'), dataIndex: 'name', width: 200 },
    { title: f('products'), dataIndex: 'products', width: 240, ellipsis: true },
    {
      title: f('serviceLevel'),
      dataIndex: 'serviceLevel',
      width: 110,
      render: (v) => <StatusTag dict="research.serviceLevel" value={v} colors={LEVEL_COLORS} />,
    },
    { title: f('lostCount'), dataIndex: 'lostCount', width: 110, align: 'right' },
    { title: f('lastMoveOn'), dataIndex: 'lastMoveOn', width: 130, render: formatDate },
  ];
  return (
    <Card>
      <PageHeader
        title={t('menu.competitors')}
        extra={[
          <Input.Search
            key="s"
            allowClear
            placeholder={f('name')}
            onSearch={(v) => setKeyword(v || undefined)}
            style={{ width: 200 }}
          />,
          hasPermission('competitor.manage') ? (
            <Button key="n" type="primary" onClick={() => setCreating(true)} data-testid="new-competitor">
              {t('research.newCompetitor')}
            </Button>
          ) : null,
        ]}
      />
      <DataTable<Competitor>
        rowTestId="competitor-row"
        columns={columns}
        items={q.data?.items}
        total={q.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        loading={q.isFetching}
        onRowClick={(c) => setOpen(c.id)}
        onPageChange={(p, ps) => patch({ page: p === 1 ? undefined : p, pageSize: ps === 20 ? undefined : ps }, false)}
      />
      <CompetitorDrawer id={open} onClose={() => setOpen(null)} />
      <CompetitorModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
