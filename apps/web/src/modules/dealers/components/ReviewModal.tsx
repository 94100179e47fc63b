import { Descriptions, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { MoneyInput } from '../../../components/MoneyInput';
import { MoneyText } from '../../../components/MoneyText';
import { buttonTestId } from '../../../components/testId';
import { useModalFit } from '../../../components/useModalFit';
import { validValues } from '../../../components/validValues.ts';
import { useDealerCommand } from '../api';
import type { DealerFigures, DealerRating, DealerReview } from '../types';
import { monthLabel } from './monthLabel';

interface FormValues {
  rating: DealerRating;
  comment: string;
  rewardAmount?: string | null;
  rewardReason?: string | null;
}

/** The month's review of one dealer: the figures from the data, the rating, the comment, a proposed reward. */
export function ReviewModal({
  dealerId,
  dealerName,
  month,
  figures,
  review,
  onClose,
}: {
  dealerId: number;
  dealerName: string;
  month: string;
  figures: DealerFigures;
  review: DealerReview | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fit = useModalFit();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<FormValues>();
  const command = useDealerCommand();
  const f = (k: string) => t(`dealers.fields.${k}`);
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      await command.mutateAsync({
        path: `/dealers/${dealerId}/review`,
        body: {
          month,
          version: review?.version ?? 0,
          rating: v.rating,
          comment: v.comment,
          rewardAmount: v.rewardAmount || '0',
          rewardReason: v.rewardReason || null,
        },
      });
      onClose();
    } catch (e) {
      handleError(e, { form });
    }
  };
  const money = (v: string) => <MoneyText value={v} />;
  return (
    <Modal
      open
      {...fit}
      title={t('dealers.reviewTitle', { name: dealerName, month: monthLabel(t, month) })}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('dealer-review-save')}
      destroyOnHidden
    >
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={f('orderCount')}>{figures.orderCount}</Descriptions.Item>
        <Descriptions.Item label={f('orderAmount')}>{money(figures.orderAmount)}</Descriptions.Item>
        <Descriptions.Item label={f('returnAmount')}>{money(figures.returnAmount)}</Descriptions.Item>
        <Descriptions.Item label={f('netAmount')}>{money(figures.netAmount)}</Descriptions.Item>
        <Descriptions.Item label={f('collectionAmount')}>{money(figures.collectionAmount)}</Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        layout="vertical"
        initialValues={
          review
            ? { ...review, rewardAmount: review.rewardAmount, rewardReason: review.rewardReason ?? undefined }
            : { rewardAmount: '0.00' }
        }
      >
        <Form.Item name="rating" label={f('rating')} extra={t('dealers.ratingHint')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={(['A', 'B', 'C', 'D'] as const).map((r) => ({ value: r, label: t(`dealers.rating.${r}`) }))}
            data-testid="dealer-review-rating"
          />
        </Form.Item>
        <Form.Item name="comment" label={f('comment')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="dealer-review-comment" />
        </Form.Item>
        <Form.Item name="rewardAmount" label={f('rewardAmount')} extra={t('dealers.rewardHint')}>
          <MoneyInput testId="dealer-review-reward" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="rewardReason" label={f('rewardReason')}>
          <Input maxLength={500} data-testid="dealer-review-reward-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
