import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DECISION_ROLES } from '../constants';

const MAX_ROWS = 20;

function RowBox({ children, testId }: { children: ReactNode; testId: string }) {
  const { token } = theme.useToken();
  return (
    <div
      data-testid={testId}
      style={{
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        padding: '12px 12px 0',
        marginBottom: 12,
      }}
    >
      {children}
    </div>
  );
}

/** 决策人 rows of the 销售需求分析表: name, title, role in the decision and attitude. */
export function DecisionMakersField({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const label = (f: string) => t(`opportunity.needs.decisionMaker.${f}`);
  return (
    <Form.List name="decisionMakers">
      {(rows, { add, remove }) => (
        <>
          {rows.map(({ key, name }) => (
            <RowBox key={key} testId="needs-decision-maker">
              <Row gutter={12} align="top">
                <Col xs={24} sm={12} lg={5}>
                  <Form.Item
                    name={[name, 'name']}
                    label={label('name')}
                    rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                  >
                    <Input maxLength={50} data-testid="needs-dm-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} lg={5}>
                  <Form.Item name={[name, 'title']} label={label('title')}>
                    <Input maxLength={50} data-testid="needs-dm-title" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} lg={5}>
                  <Form.Item name={[name, 'role']} label={label('role')}>
                    <Select
                      options={DECISION_ROLES.map((r) => ({ value: r, label: t(`opportunity.decisionRole.${r}`) }))}
                      data-testid="needs-dm-role"
                    />
                  </Form.Item>
                </Col>
                <Col xs={20} sm={10} lg={7}>
                  <Form.Item name={[name, 'attitude']} label={label('attitude')}>
                    <Input maxLength={100} data-testid="needs-dm-attitude" />
                  </Form.Item>
                </Col>
                <Col xs={4} sm={2} lg={2} style={{ paddingTop: 30 }}>
                  {disabled ? null : (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(name)}
                      aria-label={t('common.delete')}
                      data-testid="needs-dm-remove"
                    />
                  )}
                </Col>
              </Row>
            </RowBox>
          ))}
          {disabled || rows.length >= MAX_ROWS ? null : (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ role: 'decision' })}
              style={{ marginBottom: 16 }}
              data-testid="needs-dm-add"
            >
              {t('opportunity.needs.addDecisionMaker')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

/** 竞争对手 rows of the 销售需求分析表: who, their strengths and weaknesses. */
export function CompetitorsField({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const label = (f: string) => t(`opportunity.needs.competitor.${f}`);
  return (
    <Form.List name="competitors">
      {(rows, { add, remove }) => (
        <>
          {rows.map(({ key, name }) => (
            <RowBox key={key} testId="needs-competitor">
              <Row gutter={12} align="top">
                <Col xs={24} lg={6}>
                  <Form.Item
                    name={[name, 'name']}
                    label={label('name')}
                    rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                  >
                    <Input maxLength={100} data-testid="needs-competitor-name" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} lg={8}>
                  <Form.Item name={[name, 'strengths']} label={label('strengths')}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={20} sm={10} lg={8}>
                  <Form.Item name={[name, 'weaknesses']} label={label('weaknesses')}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={4} sm={2} lg={2} style={{ paddingTop: 30 }}>
                  {disabled ? null : (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(name)}
                      aria-label={t('common.delete')}
                      data-testid="needs-competitor-remove"
                    />
                  )}
                </Col>
              </Row>
            </RowBox>
          ))}
          {disabled || rows.length >= MAX_ROWS ? null : (
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({})}
              style={{ marginBottom: 16 }}
              data-testid="needs-competitor-add"
            >
              {t('opportunity.needs.addCompetitor')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
