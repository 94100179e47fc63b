import './inquiries.messages.ts';
import './inquiries.sweep.ts';
import './inquiries.workbench.ts';

export { inquiryRoutes } from './inquiries.routes.ts';
export { runInquiryReplySweep } from './inquiries.sweep.ts';
