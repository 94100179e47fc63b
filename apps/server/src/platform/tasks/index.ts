export { taskRoutes } from './tasks.routes.ts';
export { TASK_STATUSES, type TaskStatus, tasks } from './tasks.schema.ts';
export {
  cancelTasksByRef,
  completeTask,
  completeTasksByRef,
  completeUserTasksByRef,
  countMyTasks,
  myTasks,
  notifyOverdueTasks,
  reassignTasksByRef,
  type TaskInput,
  upsertTask,
  upsertTasks,
} from './tasks.service.ts';
