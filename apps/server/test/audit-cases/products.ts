import type { AuditCases, AuditContext } from './types.ts';

const product = {
  code: 'AUD-P1',
  name: '审计产品',
  spec: 'A-1',
  unit: '台',
  taxRate: '13.00',
  standardPrice: '1000.00',
  floorPrice: '900.00',
  warrantyMonths: 12,
  tracking: 'batch',
};

/** Product categories, products, price lists and price adjustments (SPEC 2.8); sets ids.product… */
export function productCases(ctx: AuditContext): AuditCases {
  const { admin, manager, ids } = ctx;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const priceList = () => ({
    name: '审计价格表',
    kind: 'list',
    customerClass: 'A',
    validFrom: today,
    items: [{ productId: ids.product, price: '950.00' }],
  });
  return {
    'POST /api/product-categories': {
      entity: 'product_category',
      action: 'create',
      run: async () => {
        const res = await admin.post('/api/product-categories', {
          code: 'AUD',
          name: '审计分类',
          inspectionChecklist: [{ key: 'look', label: '外观' }],
        });
        ids.productCategory = res.json().id;
        return res;
      },
    },
    'PUT /api/product-categories/:id': {
      entity: 'product_category',
      action: 'update',
      run: () =>
        admin.put(`/api/product-categories/${ids.productCategory}`, {
          code: 'AUD',
          name: '审计分类（改）',
          version: 1,
        }),
    },
    'DELETE /api/product-categories/:id': {
      entity: 'product_category',
      action: 'delete',
      run: async () => {
        const id = (await admin.post('/api/product-categories', { code: 'AUD-DEL', name: '待删分类' })).json().id;
        return admin.delete(`/api/product-categories/${id}?version=1`);
      },
    },
    'POST /api/products': {
      entity: 'product',
      action: 'create',
      run: async () => {
        const res = await admin.post('/api/products', { ...product, categoryId: ids.productCategory });
        ids.product = res.json().id;
        return res;
      },
    },
    'PUT /api/products/:id': {
      entity: 'product',
      action: 'update',
      run: () =>
        admin.put(`/api/products/${ids.product}`, {
          ...product,
          categoryId: ids.productCategory,
          name: '审计产品（改）',
          version: 1,
        }),
    },
    'POST /api/price-lists': {
      entity: 'price_list',
      action: 'create',
      run: async () => {
        const res = await admin.post('/api/price-lists', priceList());
        ids.priceList = res.json().id;
        return res;
      },
    },
    'PUT /api/price-lists/:id': {
      entity: 'price_list',
      action: 'update',
      run: () =>
        admin.put(`/api/price-lists/${ids.priceList}`, { ...priceList(), name: '审计价格表（改）', version: 1 }),
    },
    'DELETE /api/price-lists/:id': {
      entity: 'price_list',
      action: 'delete',
      run: () => admin.delete(`/api/price-lists/${ids.priceList}?version=2`),
    },
    'POST /api/products/:id/price-adjustments': {
      entity: 'price_adjustment',
      action: 'create',
      run: async () => {
        const res = await manager.post(`/api/products/${ids.product}/price-adjustments`, {
          newStandardPrice: '980.00',
          newFloorPrice: '880.00',
          reason: '审计调价',
        });
        ids.priceAdjustment = res.json().id;
        return res;
      },
    },
  };
}
