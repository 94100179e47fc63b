import type { Permission, Scope } from '../permissions/registry.ts';

type G = [Permission, Scope];
const sales = (s: Scope): G[] => [
  ['customer.view', s],
  ['customer.create', 'ALL'],
  ['customer.edit', s],
  ['customer.export', s],
  ['followup.create', s],
  ['customer.credit', s],
];

/**
 * The roles the seeds name (SPEC 0) with their default grants. Companies may rename, add or
 * remove roles and change grants on the roles page; this is only the starting point.
 */
export const DEFAULT_ROLES: { code: string; name: string; grants: G[] }[] = [
  { code: 'sales_rep', name: '销售人员', grants: sales('SELF') },
  { code: 'sales_supervisor', name: '销售主管', grants: [...sales('DEPT_TREE'), ['customer.transfer', 'DEPT_TREE']] },
  { code: 'sales_manager', name: '销售经理', grants: [...sales('DEPT_TREE'), ['customer.transfer', 'DEPT_TREE'], ['customer.delete', 'DEPT_TREE']] },
  { code: 'sales_director', name: '销售总监', grants: [...sales('ALL'), ['customer.transfer', 'ALL'], ['customer.delete', 'ALL']] },
  { code: 'general_manager', name: '总经理', grants: [['customer.view', 'ALL'], ['customer.export', 'ALL'], ['audit.view', 'ALL']] },
  { code: 'board', name: '董事会', grants: [['customer.view', 'ALL']] },
  { code: 'front_desk', name: '前台接待', grants: [['customer.view', 'SELF'], ['customer.create', 'ALL'], ['followup.create', 'SELF']] },
  { code: 'sales_assistant', name: '销售内业', grants: sales('DEPT') },
  { code: 'planner', name: '计划员', grants: [['customer.view', 'ALL']] },
  { code: 'commerce', name: '商务专员', grants: [['customer.view', 'ALL'], ['customer.edit', 'ALL'], ['followup.create', 'ALL']] },
  { code: 'legal', name: '法务', grants: [['customer.view', 'ALL']] },
  { code: 'finance', name: '财务', grants: [['customer.view', 'ALL'], ['customer.export', 'ALL']] },
  { code: 'warehouse', name: '库房保管员', grants: [] },
  { code: 'qa', name: '质检员', grants: [['customer.view', 'ALL']] },
  { code: 'purchasing', name: '采购', grants: [] },
  { code: 'operations', name: '运营', grants: [['customer.view', 'ALL']] },
  { code: 'service_engineer', name: '售后工程师', grants: [['customer.view', 'ALL'], ['followup.create', 'ALL']] },
  {
    code: 'admin',
    name: '系统管理员',
    grants: [
      ['customer.view', 'ALL'],
      ['user.manage', 'ALL'],
      ['dept.manage', 'ALL'],
      ['role.manage', 'ALL'],
      ['policy.manage', 'ALL'],
      ['audit.view', 'ALL'],
      ['approval.manage', 'ALL'],
    ],
  },
];
