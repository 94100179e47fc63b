import './quality.messages.ts';
import './capa.sweep.ts';

export { runCapaOverdueSweep } from './capa.sweep.ts';
export { qualityRoutes } from './quality.routes.ts';
export {
  auditFindings,
  capas,
  controlledDocuments,
  documentDistributions,
  documentVersions,
  internalAudits,
} from './quality.schema.ts';
