/**
 * Catalog, prices and stock of the demo (SPEC 2.8, 3.5): categories with their delivery-inspection
 * checklists, ~20 industrial-equipment products, a general and a class-A price list, a current promotion,
 * a price cut waiting for approval; two warehouses stocked in batches (one product short).
 */
import { InboundInput, PriceAdjustmentInput, PriceListInput, ProductCategoryInput, ProductInput } from '@sales/core';
import { createCategory } from '../../../apps/server/src/modules/products/categories.service.ts';
import { requestPriceAdjustment } from '../../../apps/server/src/modules/products/price-adjustments.service.ts';
import { createPriceList } from '../../../apps/server/src/modules/products/price-lists.service.ts';
import { createProduct } from '../../../apps/server/src/modules/products/products.service.ts';
import { createWarehouse, receiveInbound } from '../../../apps/server/src/modules/stock/stock.service.ts';
import type { Q2C } from './quote-to-cash.ts';
import { CATEGORIES, CLASS_A, INBOUND, LASER_SERIALS, PRODUCTS, PROMOTION } from './quote-to-cash-products.ts';

export async function createCatalog(q: Q2C): Promise<void> {
  const director = await q.as('director', 200);
  const catIds = new Map<string, number>();
  for (const c of CATEGORIES) {
    const row = await createCategory(director, ProductCategoryInput.parse(c));
    catIds.set(c.code, row.id);
  }
  for (const p of PRODUCTS) {
    const row = await createProduct(
      director,
      ProductInput.parse({
        code: p.code,
        name: p.name,
        spec: p.spec,
        unit: p.unit,
        categoryId: catIds.get(p.cat),
        taxRate: p.tax,
        cost: p.cost,
        warrantyMonths: p.warranty,
        tracking: p.tracking,
        shelfLifeDays: p.shelf,
        attributes: p.cat === 'SRV' ? {} : { 品牌: '华东智造', 产地: '江苏苏州' },
        requiresChineseLabel: p.label,
        standardPrice: p.std,
        floorPrice: p.floor,
      }),
    );
    q.products.set(p.code, row.id);
  }
  const pid = (code: string) => q.products.get(code) as number;
  await createPriceList(
    director,
    PriceListInput.parse({
      name: '2026年度标准价目表',
      kind: 'list',
      validFrom: q.day(-200),
      items: PRODUCTS.map((p) => ({ productId: pid(p.code), price: p.std })),
    }),
  );
  await createPriceList(
    director,
    PriceListInput.parse({
      name: 'A类客户协议价',
      kind: 'list',
      customerClass: 'A',
      validFrom: q.day(-200),
      items: Object.entries(CLASS_A).map(([code, price]) => ({ productId: pid(code), price })),
    }),
  );
  await createPriceList(
    await q.as('director', 5),
    PriceListInput.parse({
      name: '年末耗材促销',
      kind: 'promotion',
      validFrom: q.day(-5),
      validTo: q.day(25),
      items: Object.entries(PROMOTION).map(([code, price]) => ({ productId: pid(code), price })),
    }),
  );
  // A price cut asked by the 销售一部 manager, waiting for the general manager.
  await requestPriceAdjustment(
    await q.as('manager1', 1),
    pid('ZK-PLC6'),
    PriceAdjustmentInput.parse({
      newStandardPrice: '9300.00',
      newFloorPrice: '8200.00',
      reason: '同类国产PLC招标价普遍下调约5%，申请下调标准价与最低限价以保持竞争力。',
      effectiveDate: q.day(7),
    }),
  );

  // Warehouses and stock.
  const wh = await q.as('warehouse', 190);
  q.warehouses.main = (
    await createWarehouse(wh, { code: 'WH01', name: '成品一号库', address: '苏州工业园区星湖街218号A栋' })
  ).id;
  q.warehouses.second = (
    await createWarehouse(wh, { code: 'WH02', name: '成品二号库', address: '苏州工业园区星湖街218号C栋' })
  ).id;
  for (const [code, w, qty, batchNo, mfgDaysAgo] of INBOUND) {
    await receiveInbound(
      await q.as('warehouse', Math.max(mfgDaysAgo - 10, 3)),
      InboundInput.parse({
        warehouseId: q.warehouses[w],
        productId: pid(code),
        qty,
        batchNo: batchNo ?? undefined,
        mfgDate: batchNo ? q.day(-mfgDaysAgo) : undefined,
        note: batchNo ? `采购入库 批号 ${batchNo}` : '采购入库',
      }),
    );
  }
  await receiveInbound(
    await q.as('warehouse', 30),
    InboundInput.parse({
      warehouseId: q.warehouses.main,
      productId: pid('ZK-LM30'),
      qty: String(LASER_SERIALS.length),
      batchNo: 'D2610',
      serialNos: LASER_SERIALS,
      mfgDate: q.day(-40),
      note: '采购入库（序列号管理）',
    }),
  );
}
