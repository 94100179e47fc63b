export { registerWorkItemSource, type WorkItemRow, type WorkItemSource } from './workbench.registry.ts';
export { workbenchRoutes } from './workbench.routes.ts';
