import { Alert, App, Col, Form, Input, Modal, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiErrorHandler } from '../../../app/useApiErrorHandler';
import { buttonTestId } from '../../../components/testId';
import { useModalSession } from '../../../components/useModalSession';
import { validValues } from '../../../components/validValues';
import { useSavePipeline } from '../api';
import type { Pipeline, PipelineInput } from '../types';
import { StageListEditor } from './StageListEditor';

export interface PipelineModalProps {
  /** null = closed, 'new' = create, Pipeline = edit. */
  target: Pipeline | 'new' | null;
  onClose: () => void;
}

type PipelineFormValues = Omit<PipelineInput, 'version'>;

export function PipelineModal({ target, onClose }: PipelineModalProps) {
  const session = useModalSession(target);
  return <PipelineModalBody key={session.key} target={session.shown} open={target !== null} onClose={onClose} />;
}

function PipelineModalBody({ target, open, onClose }: PipelineModalProps & { open: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PipelineFormValues>();
  const editing = target && target !== 'new' ? target : null;
  const save = useSavePipeline(editing?.id);
  const handleError = useApiErrorHandler();

  const initialValues: PipelineFormValues = editing
    ? {
        name: editing.name,
        active: editing.active,
        isDefault: editing.isDefault,
        stages: editing.stages.map((s) => ({
          id: s.id,
          name: s.name,
          probability: s.probability,
          kind: s.kind,
          checklist: s.checklist.map((c) => ({ ...c })),
        })),
      }
    : {
        name: '',
        active: true,
        isDefault: false,
        stages: [
          { id: null, name: '', probability: 20, kind: 'open', checklist: [] },
          { id: null, name: t('opportunity.stageKind.won'), probability: 100, kind: 'won', checklist: [] },
          { id: null, name: t('opportunity.stageKind.lost'), probability: 0, kind: 'lost', checklist: [] },
        ],
      };

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body: PipelineInput = {
      name: v.name.trim(),
      active: !!v.active,
      isDefault: !!v.isDefault,
      stages: (v.stages ?? []).map((s) => ({
        id: s.id ?? null,
        name: s.name.trim(),
        probability: s.probability,
        kind: s.kind,
        checklist: (s.checklist ?? []).map((c) => ({ key: c.key, label: c.label.trim(), auto: c.auto ?? null })),
      })),
    };
    save.mutate(editing ? { ...body, version: editing.version } : body, {
      onSuccess: () => {
        message.success(t(editing ? 'common.updated' : 'common.created'));
        onClose();
      },
      onError: (e) => handleError(e, { form }),
    });
  };

  return (
    <Modal
      open={open}
      title={editing ? t('opportunity.pipeline.editTitle') : t('opportunity.pipeline.newTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('pipeline-submit')}
      width={880}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues} data-testid="pipeline-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('opportunity.pipeline.name')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={50} data-testid="pipeline-name" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="active" label={t('opportunity.pipeline.active')} valuePropName="checked">
              <Switch data-testid="pipeline-active" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="isDefault" label={t('opportunity.pipeline.isDefault')} valuePropName="checked">
              <Switch data-testid="pipeline-default" disabled={editing?.isDefault} />
            </Form.Item>
          </Col>
        </Row>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('opportunity.pipeline.stagesHint')} />
        <StageListEditor />
      </Form>
    </Modal>
  );
}
