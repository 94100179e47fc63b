import { App, Button, Card, Checkbox, Empty, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useEventCommand, useGuestSearch } from '../api';
import { RESULT_COLORS } from '../constants';
import type { Guest } from '../types';

/** One guest as a card: sign in with a seat, and give the gift (seed 001 现场组织: 签到、就座、发放礼品). */
export function GuestCard({ guest, hasGift, onDone }: { guest: Guest; hasGift: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const [seat, setSeat] = useState(guest.seat ?? '');
  const [gift, setGift] = useState(hasGift && !guest.giftGivenAt);
  const command = useEventCommand();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const checkIn = async (path: string) => {
    try {
      await command.mutateAsync({ path, body: { seat: seat || null, giveGift: gift && !guest.giftGivenAt } });
      message.success(t('events.checkInDone', { name: guest.customerName }));
      onDone?.();
    } catch (err) {
      handleError(err);
    }
  };
  const done = Boolean(guest.checkedInAt) && (Boolean(guest.giftGivenAt) || !hasGift);
  return (
    <Card size="small" data-testid={`guest-${guest.id}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {guest.customerName}
          </Typography.Text>
          <Typography.Text type="secondary">{guest.mobile ?? '-'}</Typography.Text>
          <StatusTag dict="events.result" value={guest.result} colors={RESULT_COLORS} />
          {guest.checkedInAt && <Tag color="success">{t('events.checkedIn')}</Tag>}
          {guest.giftGivenAt && <Tag color="gold">{t('events.giftGiven')}</Tag>}
        </Space>
        <Typography.Text type="secondary">
          {t('events.fields.rep')}：{guest.repName}
          {guest.checkedInAt ? ` · ${formatDateTime(guest.checkedInAt)}` : ''}
        </Typography.Text>
        {!done && (
          <Space wrap>
            <Input
              placeholder={t('events.fields.seat')}
              value={seat}
              onChange={(e) => setSeat(e.target.value)}
              style={{ width: 120 }}
              maxLength={20}
              data-testid={`seat-${guest.id}`}
            />
            {hasGift && !guest.giftGivenAt && (
              <Checkbox checked={gift} onChange={(e) => setGift(e.target.checked)} data-testid={`gift-${guest.id}`}>
                {t('events.giveGift')}
              </Checkbox>
            )}
            <Button
              type="primary"
              loading={command.isPending}
              onClick={() => void checkIn(`/event-invitations/${guest.id}/check-in`)}
              data-testid={`checkin-${guest.id}`}
            >
              {t('events.checkIn')}
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  );
}

function WalkInForm({ eventId, hasGift, name }: { eventId: number; hasGift: boolean; name: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const command = useEventCommand();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  useEffect(() => form.setFieldsValue({ name }), [form, name]);
  const save = async (v: { name: string; mobile: string; seat?: string; giveGift?: boolean }) => {
    try {
      await command.mutateAsync({ path: `/events/${eventId}/walk-ins`, body: { ...v, giveGift: Boolean(v.giveGift) } });
      message.success(t('events.walkInDone'));
      form.resetFields();
    } catch (err) {
      handleError(err, { form });
    }
  };
  return (
    <Card size="small" title={t('events.walkIn')}>
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ giveGift: hasGift }}>
        <Form.Item name="name" label={t('events.fields.name')} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="walkin-name" />
        </Form.Item>
        <Form.Item name="mobile" label={t('events.fields.mobile')} rules={[{ required: true }]}>
          <Input inputMode="tel" maxLength={20} data-testid="walkin-mobile" />
        </Form.Item>
        <Form.Item name="seat" label={t('events.fields.seat')}>
          <Input maxLength={20} />
        </Form.Item>
        {hasGift && (
          <Form.Item name="giveGift" valuePropName="checked">
            <Checkbox>{t('events.giveGift')}</Checkbox>
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={command.isPending} block data-testid="walkin-save">
          {t('events.walkIn')}
        </Button>
      </Form>
    </Card>
  );
}

/** The door on the day (usable on a phone): find a guest by name or mobile, sign in; register walk-ins. */
export function CheckInPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const [input, setInput] = useState('');
  const [keyword, setKeyword] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setKeyword(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);
  const search = useGuestSearch(id, keyword);
  const ev = search.data?.event;
  return (
    <Card>
      <PageHeader
        title={ev ? `${t('events.checkInPage')} · ${ev.theme}` : t('events.checkInPage')}
        onBack={() => navigate(-1)}
      />
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Input.Search
          size="large"
          allowClear
          placeholder={t('events.searchGuest')}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          data-testid="guest-search"
        />
        {keyword && search.data && search.data.items.length === 0 && <Empty description={t('events.noGuest')} />}
        <List
          dataSource={keyword ? (search.data?.items ?? []) : []}
          renderItem={(g) => (
            <List.Item style={{ padding: '4px 0', border: 'none' }}>
              <div style={{ width: '100%' }}>
                <GuestCard guest={g} hasGift={Boolean(ev?.hasGift)} onDone={() => void search.refetch()} />
              </div>
            </List.Item>
          )}
        />
        <WalkInForm
          eventId={id}
          hasGift={Boolean(ev?.hasGift)}
          // Nobody found by that name: it is probably the walk-in's.
          name={keyword && search.data?.items.length === 0 && !/\d/.test(keyword) ? keyword : ''}
        />
      </Space>
    </Card>
  );
}
