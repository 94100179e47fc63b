import './complaints.messages.ts';
import './complaints.customer.ts';
import './complaints.delivery-source.ts';
import './complaints.quality-card.ts';

export { COMPENSATION_DOC } from './complaints.handling.ts';
export { complaintRoutes } from './complaints.routes.ts';
export { complaints } from './complaints.schema.ts';
export { type FileComplaint, fileComplaint } from './complaints.service.ts';
