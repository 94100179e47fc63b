/** A file as the API takes it in a JSON body (AttachmentInput): name, declared type, Base64 content. */
export interface FileUpload {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

/** The Base64 content of a picked file (without the data-URL prefix). */
export function readBase64(file: File): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).split(',')[1] ?? '');
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** A picked file as an AttachmentInput body. */
export async function toUpload(file: File): Promise<FileUpload> {
  return { fileName: file.name, mimeType: file.type, contentBase64: await readBase64(file) };
}

/** The types the server accepts for attachments (files.service.ts MIME_TYPES), for the file picker. */
export const ATTACHMENT_ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp';

/** A size in bytes as people read it: 820 B, 14.2 KB, 3.1 MB. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
