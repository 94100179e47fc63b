import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Skeleton, Space, Tree, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorResult } from '../../../app/ErrorPages';
import { PageHeader } from '../../../components/PageHeader';
import { type Department, useDepartments } from '../api';
import { DepartmentForm } from '../components/DepartmentForm';
import { buildDeptTree, type DeptTreeNode } from '../components/DeptTreeSelect';

type Editing = { mode: 'edit'; id: number } | { mode: 'new'; parentId: number | null } | null;

interface TreeItem {
  key: number;
  title: ReactNode;
  children: TreeItem[];
}

function toTreeData(nodes: DeptTreeNode[]): TreeItem[] {
  return nodes.map((n) => ({
    key: n.key,
    title: (
      <span data-testid="dept-node">
        {n.title}
        {n.dept.headUserName ? (
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {n.dept.headUserName}
          </Typography.Text>
        ) : null}
      </span>
    ),
    children: toTreeData(n.children),
  }));
}

export function DepartmentsPage() {
  const { t } = useTranslation();
  const query = useDepartments();
  const [editing, setEditing] = useState<Editing>(null);
  const items = query.data?.items ?? [];
  const treeData = useMemo(() => toTreeData(buildDeptTree(items)), [items]);

  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;

  const current: Department | undefined = editing?.mode === 'edit' ? items.find((d) => d.id === editing.id) : undefined;
  const selectedId = editing?.mode === 'edit' ? editing.id : undefined;

  return (
    <Card>
      <PageHeader
        title={t('menu.departments')}
        extra={
          <Space>
            {selectedId !== undefined ? (
              <Button
                icon={<PlusOutlined />}
                onClick={() => setEditing({ mode: 'new', parentId: selectedId })}
                data-testid="dept-new-child"
              >
                {t('admin.departments.newChild')}
              </Button>
            ) : null}
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ mode: 'new', parentId: null })}
              data-testid="dept-new"
            >
              {t('admin.departments.new')}
            </Button>
          </Space>
        }
      />
      <Row gutter={24}>
        <Col xs={24} md={10}>
          {query.isPending ? (
            <Skeleton active />
          ) : treeData.length ? (
            <Tree
              data-testid="dept-tree"
              showLine
              showIcon
              icon={<ApartmentOutlined />}
              defaultExpandAll
              blockNode
              treeData={treeData}
              selectedKeys={selectedId !== undefined ? [selectedId] : []}
              onSelect={(keys) => setEditing(keys.length ? { mode: 'edit', id: Number(keys[0]) } : null)}
            />
          ) : (
            <Empty />
          )}
        </Col>
        <Col xs={24} md={14}>
          {editing === null ? (
            <Empty description={t('admin.departments.selectHint')} />
          ) : (
            <Card
              size="small"
              title={editing.mode === 'edit' ? t('admin.departments.editTitle') : t('admin.departments.newTitle')}
            >
              {editing.mode === 'edit' && !current ? (
                <Empty />
              ) : (
                <DepartmentForm
                  key={editing.mode === 'edit' ? `e-${editing.id}-${current?.version ?? ''}` : `n-${editing.parentId}`}
                  dept={editing.mode === 'edit' ? current! : { parentId: editing.parentId }}
                  onSaved={(saved) => setEditing(saved?.id ? { mode: 'edit', id: saved.id } : null)}
                  onCancel={() => setEditing(null)}
                />
              )}
            </Card>
          )}
        </Col>
      </Row>
    </Card>
  );
}
