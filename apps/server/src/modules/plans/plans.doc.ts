export const PLAN_DOC = 'sales_plan';
