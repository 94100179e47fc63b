import './front-desk.record-kinds.ts';

export { pickRepOnDuty } from './duty.rotation.ts';
export { frontDeskRoutes } from './front-desk.routes.ts';
