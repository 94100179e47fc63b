import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Department, useDepartments } from '../api';

export interface DeptTreeNode {
  key: number;
  value: number;
  title: string;
  dept: Department;
  children: DeptTreeNode[];
}

/** Build a sorted forest from the flat department list. */
export function buildDeptTree(items: Department[], disabledId?: number): DeptTreeNode[] {
  const nodes = new Map<number, DeptTreeNode>();
  for (const d of items) nodes.set(d.id, { key: d.id, value: d.id, title: d.name, dept: d, children: [] });
  const roots: DeptTreeNode[] = [];
  for (const d of items) {
    const node = nodes.get(d.id)!;
    const parent = d.parentId != null ? nodes.get(d.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: DeptTreeNode[]) => {
    list.sort((a, b) => a.dept.sort - b.dept.sort || a.dept.id - b.dept.id);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  if (disabledId !== undefined) {
    // a department cannot become a child of itself or of its descendants
    const mark = (n: DeptTreeNode): DeptTreeNode =>
      ({ ...n, disabled: true, children: n.children.map(mark) }) as DeptTreeNode;
    const walk = (list: DeptTreeNode[]): DeptTreeNode[] =>
      list.map((n) => (n.dept.id === disabledId ? mark(n) : { ...n, children: walk(n.children) }));
    return walk(roots);
  }
  return roots;
}

export interface DeptTreeSelectProps extends Omit<TreeSelectProps, 'treeData'> {
  testId?: string;
  disabledId?: number;
}

export function DeptTreeSelect({ testId, disabledId, ...rest }: DeptTreeSelectProps) {
  const { t } = useTranslation();
  const { data, isLoading } = useDepartments();
  const treeData = useMemo(() => buildDeptTree(data?.items ?? [], disabledId), [data, disabledId]);
  return (
    <TreeSelect
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      placeholder={t('common.pleaseSelect')}
      loading={isLoading}
      treeData={treeData}
      data-testid={testId}
      {...rest}
    />
  );
}
