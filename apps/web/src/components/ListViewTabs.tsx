import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QueryParams } from '../app/api';
import { type ListView, useListViewCounts } from './useListViews';

/**
 * 我负责的 / 下属的 / 全部 above a list, each with its capped count (issue 11 item 4). Only the
 * views that differ for the user's data scope are offered; with just 我负责的 (a rep whose scope
 * is his own records) the switcher is not shown at all. The chosen view lives in the URL.
 */
export function ListViewTabs({
  countsPath,
  filters,
  value,
  onChange,
  testIdPrefix,
}: {
  /** GET /api/<list>/views */
  countsPath: string;
  /** The list's other filters: each view's count is under them. */
  filters: QueryParams;
  /** The view in the URL; absent means 全部. */
  value: ListView | undefined;
  onChange: (view: ListView) => void;
  testIdPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const counts = useListViewCounts(countsPath, filters);
  const views = counts.data?.views ?? [];
  if (views.length <= 1) return null;
  const current = value && views.some((v) => v.view === value) ? value : views[views.length - 1].view;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <Segmented<ListView>
      style={{ maxWidth: '100%' }}
      data-testid={`${testIdPrefix}-views`}
      value={current}
      onChange={onChange}
      options={views.map((v) => ({
        value: v.view,
        label: (
          <span data-testid={`${testIdPrefix}-view-${v.view}`}>
            {t(`listView.${v.view}`)}
            <span style={{ marginInlineStart: 6, opacity: 0.65 }} data-testid={`${testIdPrefix}-view-${v.view}-count`}>
              {v.capped ? t('listView.capped', { total: number.format(v.total) }) : number.format(v.total)}
            </span>
          </span>
        ),
      }))}
    />
  );
}
