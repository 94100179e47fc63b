// The part of unzipper (a dependency of exceljs) the import reader uses; the package ships no types.
declare module 'unzipper' {
  import type { Readable } from 'node:stream';
  export interface CentralDirectoryFile {
    path: string;
    stream(): Readable;
    buffer(): Promise<Buffer>;
  }
  export const Open: { buffer(data: Buffer): Promise<{ files: CentralDirectoryFile[] }> };
}
