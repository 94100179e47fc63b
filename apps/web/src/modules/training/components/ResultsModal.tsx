import { App, Flex, Form, InputNumber, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useTrainingCommand } from '../api';
import type { TrainingSession } from '../types';

interface Row {
  userId: number;
  name: string;
  status: 'present' | 'absent';
  score?: number | null;
}

/**
 * Attendance and assessment of a held session (seed 001 培训评估: 考试、实际操作…): present or absent,
 * and the score of those present. Passing an onboarding session activates a new rep for sales.
 */
export function ResultsModal({ session, onClose }: { session: TrainingSession; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ rows: Row[] }>();
  const command = useTrainingCommand();
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const rows: Row[] = session.attendance.map((a) => ({
    userId: a.userId,
    name: a.userName,
    status: a.status === 'absent' ? 'absent' : 'present',
    score: a.score === null ? null : Number(a.score),
  }));
  const save = async (v: { rows: Row[] }) => {
    try {
      await command.mutateAsync({
        path: `/training/sessions/${session.id}/results`,
        method: 'PUT',
        body: {
          version: session.version,
          rows: v.rows.map((r, i) => ({
            userId: rows[i].userId,
            status: r.status,
            score: r.status === 'present' && r.score != null ? String(r.score) : null,
          })),
        },
      });
      message.success(t('training.resultsSaved'));
      onClose();
    } catch (err) {
      handleError(err, { form });
    }
  };
  return (
    <Modal
      open
      width={640}
      title={t('training.recordResults')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={command.isPending}
      okButtonProps={buttonTestId('results-save')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('training.resultsHint', { pass: session.passScore })}
      </Typography.Paragraph>
      <Form form={form} initialValues={{ rows }} onFinish={save} disabled={command.isPending}>
        <Form.List name="rows">
          {(fields) =>
            fields.map((field, i) => (
              <Flex key={field.key} wrap gap={12} align="start" data-testid="results-row">
                <Typography.Text strong style={{ minWidth: 96, paddingTop: 5 }}>
                  {rows[i].name}
                </Typography.Text>
                <Form.Item name={[field.name, 'status']} style={{ marginBottom: 12 }}>
                  <Radio.Group
                    optionType="button"
                    options={[
                      { value: 'present', label: t('training.attendance.present') },
                      { value: 'absent', label: t('training.attendance.absent') },
                    ]}
                  />
                </Form.Item>
                <Form.Item noStyle dependencies={[['rows', field.name, 'status']]}>
                  {() =>
                    form.getFieldValue(['rows', field.name, 'status']) === 'present' ? (
                      <Form.Item name={[field.name, 'score']} style={{ marginBottom: 12 }}>
                        <InputNumber
                          min={0}
                          max={100}
                          precision={1}
                          placeholder={t('training.fields.score')}
                          data-testid={`results-score-${i}`}
                        />
                      </Form.Item>
                    ) : null
                  }
                </Form.Item>
              </Flex>
            ))
          }
        </Form.List>
      </Form>
    </Modal>
  );
}
