import { z } from 'zod';

/** An uploaded file in a JSON body (scanned contract, signed delivery note): Base64 content. */
export const AttachmentInput = z.object({
  fileName: z.string().trim().min(1).max(200),
  mimeType: z.enum(['application/pdf', 'image/jpeg', 'image/png', 'image/webp']),
  contentBase64: z
    .string()
    .min(4)
    .max(15 * 1024 * 1024),
});
export type AttachmentInput = z.output<typeof AttachmentInput>;
