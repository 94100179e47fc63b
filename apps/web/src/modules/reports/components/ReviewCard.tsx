import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { useSaveReview } from '../api';
import type { Review } from '../types';

interface Props {
  period: string;
  departmentId: number;
  review: Review;
  /** The viewer may write (the department is in their scope); a rep reads only. */
  editable: boolean;
}

/** 广告主题回顾 / 建议: the only written part of the half-year analysis (SPEC 5.1). */
export function ReviewCard({ period, departmentId, review, editable }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ themeReview: string; suggestions: string }>();
  const save = useSaveReview();
  const handleError = useApiErrorHandler();
  useEffect(() => {
    form.setFieldsValue({ themeReview: review.themeReview, suggestions: review.suggestions });
  }, [form, review.themeReview, review.suggestions]);
  const onFinish = async (v: { themeReview: string; suggestions: string }) => {
    try {
      await save.mutateAsync({ period, departmentId, ...v, version: review.version ?? undefined });
      message.success(t('report.review.saved'));
    } catch (e) {
      handleError(e, { form });
    }
  };
  return (
    <Card
      size="small"
      title={t('report.section.review')}
      extra={
        review.author ? (
          <Typography.Text type="secondary">
            {t('report.review.by', { name: review.author, at: review.updatedAt })}
          </Typography.Text>
        ) : null
      }
    >
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={!editable} data-testid="report-review-form">
        <Form.Item name="themeReview" label={t('report.review.themeReview')}>
          <Input.TextArea rows={4} maxLength={5000} placeholder={t('report.review.themePlaceholder')} />
        </Form.Item>
        <Form.Item name="suggestions" label={t('report.review.suggestions')}>
          <Input.TextArea rows={4} maxLength={5000} placeholder={t('report.review.suggestionsPlaceholder')} />
        </Form.Item>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="report-review-save">
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
