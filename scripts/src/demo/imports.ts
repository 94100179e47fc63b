/**
 * A completed customer import of the demo company (SPEC 1.9; issue 14 item 7): the sales manager
 * brought in the leads of a trade show — 20 companies with a contact each, for the two reps of his
 * department — through the real import path: upload, the proposed column mapping, a dry run with no
 * problem, and the all-or-nothing commit. The import history then shows the job with its file, its
 * dry-run figures and the result file listing the customers it created.
 */
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '@sales/core';
import ExcelJS from 'exceljs';
import { IMPORT_KINDS } from '../../../apps/server/src/modules/imports/imports.kinds.ts';
import { getImport } from '../../../apps/server/src/modules/imports/imports.queries.ts';
import { startCommit, startDryRun, uploadImport } from '../../../apps/server/src/modules/imports/imports.service.ts';
import { importSettled } from '../../../apps/server/src/modules/imports/index.ts';
import type { Ctx } from '../../../apps/server/src/platform/context.ts';
import { demoCtx } from './ctx.ts';
import { type DemoWorld, userId, userOf } from './world.ts';

export const DEMO_IMPORT_FILE = '2026华东工业装备展意向客户.xlsx';
export const DEMO_IMPORT_ROWS = 20;

/** The template's zh-CN headers the sheet uses (as the downloaded template writes them). */
const HEADERS = [
  '客户名称',
  '类型',
  '统一社会信用代码',
  '地区',
  '行业',
  '来源',
  '客户分类',
  '标签',
  '负责人',
  '联系人',
  '联系人职务',
  '联系人手机',
  '联系人邮箱',
];

// 字号 not among the generated customers' (demo/dictionaries.ts TRADE_NAMES), so no row is a duplicate.
const COMPANIES: [string, string, string][] = [
  ['苏州', '万象', '精密机械'],
  ['无锡', '华腾', '智能装备'],
  ['杭州', '星辰', '电子科技'],
  ['宁波', '东升', '模具'],
  ['上海', '申隆', '机电设备'],
  ['常州', '正泰和', '汽车零部件'],
  ['南京', '金陵睿', '信息技术'],
  ['嘉兴', '禾丰', '新材料'],
  ['绍兴', '越华', '纺织机械'],
  ['苏州', '昆仑', '自动化设备'],
  ['杭州', '钱江', '新能源科技'],
  ['上海', '浦嘉', '医疗器械'],
  ['无锡', '太湖', '环保设备'],
  ['宁波', '甬兴', '液压件'],
  ['南京', '紫金', '智能制造'],
  ['常州', '龙城', '电机'],
  ['苏州', '吴越', '工业机器人'],
  ['杭州', '西溪', '传感技术'],
  ['上海', '临港', '激光装备'],
  ['嘉兴', '南湖', '五金制品'],
];
const PLACES: Record<string, [string, string]> = {
  苏州: ['江苏省', '320505'],
  无锡: ['江苏省', '320214'],
  常州: ['江苏省', '320411'],
  南京: ['江苏省', '320102'],
  杭州: ['浙江省', '330106'],
  宁波: ['浙江省', '330212'],
  嘉兴: ['浙江省', '330402'],
  绍兴: ['浙江省', '330602'],
  上海: ['上海市', '310115'],
};
const CONTACTS =
  '周建国 钱慧 陆文斌 沈佳怡 顾海涛 朱永明 蒋丽华 韩志强 秦晓燕 尤国栋 许婷 何立新 吕晨 施雨桐 张振华 孔德明 曹芳 严俊杰 华敏 金伟'.split(
    ' ',
  );
const TITLES = ['采购经理', '设备部主管', '总经理', '采购专员', '技术总监'];

/** A valid 统一社会信用代码 per row: '91', the district, an organisation code 'MAKH2' + 4 and the check character. */
function creditCode(district: string, i: number): string {
  const digits = String(i + 1).padStart(4, '0');
  const body = `91${district}MAKH2${digits}`;
  if ([...body.slice(8)].some((ch) => !CREDIT_CODE_CHARSET.includes(ch))) throw new Error(`bad code ${body}`);
  return body + creditCodeCheckChar(body);
}

/** The trade show's lead list as a user would upload it: one sheet, the template's headers. */
export function tradeShowRows(owners: [string, string]): string[][] {
  return COMPANIES.map(([city, trade, business], i) => {
    const [region, district] = PLACES[city];
    return [
      `${city}${trade}${business}有限公司`,
      '企业',
      creditCode(district, i),
      region,
      '制造业',
      '展会',
      i < 4 ? 'A 类' : 'B 类',
      '展会',
      owners[i % 2],
      CONTACTS[i],
      TITLES[i % TITLES.length],
      `1668${String(20260 + i).padStart(7, '0')}`,
      i % 3 === 0 ? `buyer${i + 1}@example.cn` : '',
    ];
  });
}

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('意向客户');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Waits for the job's background step, then expects it in `status` (the demo must not load half). */
async function settled(ctx: Ctx, id: number, status: string) {
  await importSettled(id);
  const job = await getImport(ctx, IMPORT_KINDS.customers, id);
  if (job.status !== status) throw new Error(`demo import ${id}: ${job.status}, expected ${status}`);
  return job;
}

export async function createCompletedImport(world: DemoWorld): Promise<void> {
  const { tx, org, now } = world;
  const ctx = await demoCtx(tx, userId(org, 'manager1'), 'demo-import', now);
  const file = await xlsxOf(tradeShowRows([userOf(org, 'rep1').name, userOf(org, 'rep2').name]));
  const kind = IMPORT_KINDS.customers;
  const { id } = await uploadImport(ctx, kind, {
    template: 'customers',
    fileName: DEMO_IMPORT_FILE,
    contentBase64: file.toString('base64'),
  });
  // The mapping the product proposes from the Chinese headers, accepted as is.
  const { mapping } = await settled(ctx, id, 'mapping');
  await startDryRun(ctx, kind, id, mapping as Record<string, string | null>);
  await settled(ctx, id, 'validated');
  await startCommit(ctx, kind, id);
  await settled(ctx, id, 'committed');
}
