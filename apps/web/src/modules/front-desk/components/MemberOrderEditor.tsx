import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserSelect, useUserOptions } from '../../../components/UserSelect';

export interface MemberOrderEditorProps {
  value?: number[];
  onChange?: (value: number[]) => void;
  /** Names of members that may be missing from the user options (inactive users). */
  knownNames?: Record<number, string>;
}

/** An ordered list of users (the rotation order): add, move up / down, remove. A form control. */
export function MemberOrderEditor({ value = [], onChange, knownNames = {} }: MemberOrderEditorProps) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const nameOf = (id: number) => users.data?.items.find((u) => u.id === id)?.name ?? knownNames[id] ?? `#${id}`;

  const move = (index: number, delta: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item);
    onChange?.(next);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <UserSelect
        value={null}
        allowClear={false}
        placeholder={t('duty.addMember')}
        onChange={(id) => id && !value.includes(id) && onChange?.([...value, id])}
        testId="duty-member-add"
        style={{ width: '100%' }}
      />
      {value.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duty.noMembers')} />
      ) : (
        <List
          size="small"
          bordered
          data-testid="duty-members"
          dataSource={value}
          renderItem={(id, index) => (
            <List.Item
              data-testid="duty-member"
              actions={[
                <Button
                  key="up"
                  size="small"
                  type="text"
                  icon={<ArrowUpOutlined />}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                  aria-label={t('duty.moveUp')}
                  data-testid={`duty-member-up-${id}`}
                />,
                <Button
                  key="down"
                  size="small"
                  type="text"
                  icon={<ArrowDownOutlined />}
                  disabled={index === value.length - 1}
                  onClick={() => move(index, 1)}
                  aria-label={t('duty.moveDown')}
                  data-testid={`duty-member-down-${id}`}
                />,
                <Button
                  key="remove"
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => onChange?.(value.filter((v) => v !== id))}
                  aria-label={t('common.delete')}
                  data-testid={`duty-member-remove-${id}`}
                />,
              ]}
            >
              <Typography.Text>
                {index + 1}. {nameOf(id)}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
