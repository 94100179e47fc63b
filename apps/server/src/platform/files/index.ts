export { fileRoutes } from './files.routes.ts';
export {
  type AttachmentInput,
  listAttachments,
  MAX_ATTACHMENT_MB,
  registerAttachmentOwner,
  saveAttachment,
} from './files.service.ts';
export { attachmentRemovalRoute, type RecordAttachments, recordAttachmentRoutes } from './record-attachments.ts';
