import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../app/api';

export interface WorkItem {
  id: number;
  no: string | null;
  title: string;
  date: string | null;
  amount: string | null;
  state: string | null;
  link: string;
}

export interface WorkItemGroup {
  /** Labelled by `workbench.source.<key>`. */
  key: string;
  group: 'action' | 'deadline';
  listLink: string;
  total: number;
  capped: boolean;
  items: WorkItem[];
}

export interface WorkbenchTask {
  id: number;
  kind: string;
  title: string;
  link: string | null;
  dueDate: string;
}

export interface WorkbenchApproval {
  taskId: number;
  instanceId: number;
  docType: string;
  summary: string;
  applicantName: string;
  createdAt: string;
}

export interface Workbench {
  today: string;
  horizon: string;
  tasks: { total: number; items: WorkbenchTask[] };
  upcomingTasks: { total: number; items: WorkbenchTask[] };
  approvals: { total: number; items: WorkbenchApproval[] };
  sources: WorkItemGroup[];
}

export const workbenchKeys = { all: ['workbench'] as const, items: (n: number) => ['workbench', n] as const };

/** What needs me (工作台 / 我的待办): refreshed every minute and when the window regains focus. */
export function useWorkbench(items = 5) {
  return useQuery({
    queryKey: workbenchKeys.items(items),
    queryFn: ({ signal }) => apiFetch<Workbench>('/api/workbench', { query: { items }, signal }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: 'always',
  });
}
