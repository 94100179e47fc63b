/** Permissions of post-sale processes (server: permissions/registry.ts). */
export const MILESTONE_VIEW = 'milestone.view';
export const MILESTONE_HANDLE = 'milestone.handle';
export const MILESTONE_MANAGE = 'milestone.manage';
