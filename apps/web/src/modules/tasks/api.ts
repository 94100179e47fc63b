import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, type Paged } from '../../app/api';

export type TaskBucket = 'today' | 'overdue' | 'upcoming' | 'done';
export type TaskStatus = 'open' | 'done' | 'cancelled';

export interface TaskItem {
  id: number;
  kind: string;
  /** Message key and params as stored; `title` is what to show. */
  titleKey: string;
  params: Record<string, string | number>;
  /** Rendered by the server in the request's language. */
  title: string;
  link: string | null;
  /** YYYY-MM-DD. */
  dueDate: string;
  status: TaskStatus;
  createdAt: string;
  doneAt?: string | null;
}

export interface TaskCount {
  today: number;
  overdue: number;
}

export const taskKeys = {
  all: ['tasks'] as const,
  list: (bucket: TaskBucket, page: number, pageSize: number) => ['tasks', 'list', bucket, page, pageSize] as const,
  count: ['tasks', 'count'] as const,
};

export function useMyTasks(bucket: TaskBucket, page: number, pageSize: number) {
  return useQuery({
    queryKey: taskKeys.list(bucket, page, pageSize),
    queryFn: ({ signal }) => apiFetch<Paged<TaskItem>>('/api/tasks', { query: { bucket, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Open tasks due today / overdue (tab badges): every minute and when the window regains focus. */
export function useTaskCount() {
  return useQuery({
    queryKey: taskKeys.count,
    queryFn: ({ signal }) => apiFetch<TaskCount>('/api/tasks/count', { signal }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
  });
}

export function useCompleteTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<TaskItem>(`/api/tasks/${id}/complete`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: taskKeys.all }),
  });
}
