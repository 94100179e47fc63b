import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover, Space, Tooltip } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { columnId, moveColumn, type ResolvedColumns } from './columnSettings';
import type { TableColumnsPreference } from './usePreferences';

/**
 * 列设置: show / hide and reorder a table's columns, or go back to the table's defaults. Key
 * columns (number, name, status, amount…) cannot be hidden; fixed columns keep their place.
 * Every change is saved at once (the caller stores it on the server).
 */
export function ColumnSettings<T>({
  resolved,
  keyColumns,
  onChange,
  onReset,
  testIdPrefix,
}: {
  resolved: ResolvedColumns<T>;
  keyColumns: readonly string[];
  onChange: (pref: TableColumnsPreference) => void;
  onReset: () => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const { ordered, hidden } = resolved;
  const save = (order: string[], hide: Set<string>) => onChange({ order, hidden: [...hide] });
  const ids = ordered.map(columnId);
  const toggle = (id: string, show: boolean) => {
    const next = new Set(hidden);
    if (show) next.delete(id);
    else next.add(id);
    save(ids, next);
  };
  const content = (
    <div style={{ width: 260, maxHeight: 420, overflowY: 'auto' }} data-testid={`${testIdPrefix}-columns-panel`}>
      {ordered.map((c: ColumnType<T>, i) => {
        const id = columnId(c);
        const locked = keyColumns.includes(id);
        return (
          <div
            key={id}
            style={{ display: 'flex', alignItems: 'center', gap: 4, padding: '2px 0' }}
            data-testid={`${testIdPrefix}-column-${id}`}
          >
            <Tooltip title={locked ? t('columns.keyColumn') : undefined} placement="left">
              <Checkbox
                checked={!hidden.has(id)}
                disabled={locked}
                onChange={(e) => toggle(id, e.target.checked)}
                style={{ flex: 1, minWidth: 0 }}
                data-testid={`${testIdPrefix}-column-${id}-shown`}
              >
                {c.title as ReactNode}
              </Checkbox>
            </Tooltip>
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              aria-label={t('columns.moveUp')}
              disabled={!!c.fixed || i === 0 || !!ordered[i - 1].fixed}
              onClick={() => save(moveColumn(ordered, id, -1), hidden)}
            />
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              aria-label={t('columns.moveDown')}
              disabled={!!c.fixed || i === ordered.length - 1 || !!ordered[i + 1].fixed}
              onClick={() => save(moveColumn(ordered, id, 1), hidden)}
            />
          </div>
        );
      })}
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          {t('columns.title')}
          <Button size="small" type="link" onClick={onReset} data-testid={`${testIdPrefix}-columns-reset`}>
            {t('columns.reset')}
          </Button>
        </Space>
      }
      content={content}
    >
      <Button icon={<SettingOutlined />} data-testid={`${testIdPrefix}-columns`}>
        {t('columns.title')}
      </Button>
    </Popover>
  );
}
