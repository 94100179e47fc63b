import { PassThrough } from 'node:stream';
import type { AccessLogFilter } from '@sales/core';
import ExcelJS from 'exceljs';
import type { Ctx } from '../context.ts';
import { hasMessage, translate } from '../i18n/messages.ts';
import { accessLogBatches, accessLogWhere } from './access-log.service.ts';
import './access-log.messages.ts';

const time = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * Streams the filtered access log as an xlsx workbook (exceljs streaming writer, memory stays
 * flat), times in the company's time zone, types, fields and purposes in the user's language.
 */
export async function exportAccessLogXlsx(ctx: Ctx, filter: AccessLogFilter): Promise<PassThrough> {
  // Bad filters are refused (400) before the first byte, not by breaking off the download.
  const where = await accessLogWhere(ctx, filter);
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(translate(ctx.locale, 'accesslog.sheet'));
  const widths = [20, 12, 14, 14, 48, 10, 24, 18];
  ws.columns = translate(ctx.locale, 'accesslog.header')
    .split('|')
    .map((header, i) => ({ header, width: widths[i] }));
  ws.getRow(1).font = { bold: true };
  const label = (prefix: string, key: string) =>
    hasMessage(`${prefix}.${key}`) ? translate(ctx.locale, `${prefix}.${key}`) : key;
  (async () => {
    for await (const batch of accessLogBatches(ctx, where)) {
      for (const r of batch) {
        ws.addRow([
          time.format(new Date(r.at)),
          r.userName,
          r.deptName,
          label('accesslog.entity', r.entityType),
          r.records.map((x) => x.label ?? `#${x.id}`).join('；'),
          r.recordCount,
          r.fields.map((f) => label('accesslog.field', f)).join('、'),
          label('accesslog.purpose', r.purpose),
        ]).commit();
      }
    }
    ws.commit();
    await wb.commit();
  })().catch((err) => out.destroy(err as Error));
  return out;
}
