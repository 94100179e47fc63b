import { Client } from '../harness.ts';
import type { AuditCases, AuditContext } from './types.ts';

// A 1×1 PNG: an attached survey chart.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Audit cases of market research, competitors, forecasts, promotions and the demand register (SPEC 2.2 / 2.8). */
export function researchCases(ctx: AuditContext): AuditCases {
  const { env, rep, ids } = ctx;
  const director = () => Client.login(env.app, 'director');
  const gm = () => Client.login(env.app, 'gm');
  const created = async (res: Awaited<ReturnType<Client['post']>>, key: string) => {
    ids[key] = res.json().id;
    return res;
  };
  const stageVersion = async () =>
    Number(
      (await env.database.pool.query('select version from promotion_stages where id = $1', [ids.promotionStage]))
        .rows[0].version,
    );
  return {
    'POST /api/research-reports': {
      entity: 'research_report',
      action: 'create',
      run: async () =>
        created(
          await (await director()).post('/api/research-reports', { period: '2041-H1', title: '审计调研' }),
          'researchReport',
        ),
    },
    'PUT /api/research-reports/:id': {
      entity: 'research_report',
      action: 'update',
      run: async () =>
        (await director()).put(`/api/research-reports/${ids.researchReport}`, {
          title: '审计调研',
          findings: '结论',
          version: 1,
        }),
    },
    'POST /api/research-reports/:id/attachments': {
      entity: 'research_report',
      action: 'attach',
      run: async () =>
        (await director()).post(`/api/research-reports/${ids.researchReport}/attachments`, {
          file: { fileName: '调研图表.png', mimeType: 'image/png', contentBase64: PNG },
        }),
    },
    'POST /api/research-reports/:id/submit': {
      entity: 'research_report',
      action: 'submit',
      run: async () => (await director()).post(`/api/research-reports/${ids.researchReport}/submit`, { version: 2 }),
    },
    'POST /api/market-forecasts': {
      entity: 'market_forecast',
      action: 'create',
      run: async () => {
        const cat = await env.database.pool.query(
          `insert into product_categories (code, name) values ('AUD-RES', '审计产品线') returning id`,
        );
        ids.researchCategory = Number(cat.rows[0].id);
        const body = {
          period: '2041-H1',
          categoryId: ids.researchCategory,
          region: '华北',
          marketDemand: '10',
          demandPotential: '12',
          salesPotential: '3',
        };
        return created(await (await director()).post('/api/market-forecasts', body), 'forecast');
      },
    },
    'PUT /api/market-forecasts/:id': {
      entity: 'market_forecast',
      action: 'update',
      run: async () =>
        (await director()).put(`/api/market-forecasts/${ids.forecast}`, {
          period: '2041-H1',
          categoryId: ids.researchCategory,
          region: '华北',
          marketDemand: '11',
          demandPotential: '12',
          salesPotential: '3',
          version: 1,
        }),
    },
    'POST /api/competitors': {
      entity: 'competitor',
      action: 'create',
      run: async () =>
        created(
          await (await director()).post('/api/competitors', { name: '审计竞品', serviceLevel: 'average' }),
          'competitor',
        ),
    },
    'PUT /api/competitors/:id': {
      entity: 'competitor',
      action: 'update',
      run: async () =>
        (await director()).put(`/api/competitors/${ids.competitor}`, {
          name: '审计竞品',
          serviceLevel: 'good',
          offers: [{ product: '球阀', price: '99.90' }],
          version: 1,
        }),
    },
    'POST /api/competitors/:id/moves': {
      entity: 'competitor',
      action: 'move',
      run: async () =>
        (await director()).post(`/api/competitors/${ids.competitor}/moves`, {
          movedOn: '2041-01-05',
          description: '降价 5%',
        }),
    },
    'POST /api/competitors/:id/lost-opportunities': {
      entity: 'competitor',
      action: 'link_lost',
      run: async () => {
        const pipelineId = (await rep.get('/api/pipelines')).json().items[0].id;
        const customerId = (await rep.post('/api/customers', { kind: 'company', name: '审计输单客户' })).json().id;
        const opp = (
          await rep.post('/api/opportunities', {
            name: '审计输单',
            customerId,
            pipelineId,
            amount: '10.00',
          })
        ).json();
        await rep.post(`/api/opportunities/${opp.id}/lose`, { reason: '竞品低价', version: opp.version ?? 1 });
        return (await director()).post(`/api/competitors/${ids.competitor}/lost-opportunities`, {
          opportunityId: opp.id,
        });
      },
    },
    'POST /api/promotions': {
      entity: 'promotion',
      action: 'create',
      run: async () =>
        created(
          await (await director()).post('/api/promotions', {
            name: '审计促销',
            startDate: '2041-03-01',
            endDate: '2041-03-31',
          }),
          'promotion',
        ),
    },
    'POST /api/promotions/:id/stages': {
      entity: 'promotion',
      action: 'add_stage',
      run: async () => {
        const res = await (await director()).post(`/api/promotions/${ids.promotion}/stages`, {
          name: '预热',
          startDate: '2041-03-01',
          endDate: '2041-03-10',
          budget: '1000.00',
        });
        ids.promotionStage = res.json().stages[0].id;
        return res;
      },
    },
    'POST /api/promotion-stages/:id/submit': {
      entity: 'promotion_stage',
      action: 'submit',
      run: async () =>
        (await director()).post(`/api/promotion-stages/${ids.promotionStage}/submit`, {
          version: await stageVersion(),
        }),
    },
    'PUT /api/promotion-stages/:id/evaluation': {
      entity: 'promotion_stage',
      action: 'evaluate',
      run: async () => {
        const g = await gm();
        const task = (await g.get('/api/approvals/inbox'))
          .json()
          .items.find(
            (i: { docType: string; docId: number }) =>
              i.docType === 'promotion_stage' && i.docId === ids.promotionStage,
          );
        await g.post(`/api/approvals/${task.instanceId ?? task.id}/approve`, {});
        return (await director()).put(`/api/promotion-stages/${ids.promotionStage}/evaluation`, {
          cost: '900.00',
          leads: 9,
          deals: 1,
          revenue: '5000.00',
          version: await stageVersion(),
        });
      },
    },
    'POST /api/product-demands': {
      entity: 'product_demand',
      action: 'create',
      run: async () =>
        created(
          await rep.post('/api/product-demands', {
            requester: '审计客户',
            productDescription: '外购件',
            quantity: '3',
            unit: '件',
          }),
          'demand',
        ),
    },
    'POST /api/product-demands/:id/report': {
      entity: 'product_demand',
      action: 'report',
      run: async () =>
        (await director()).post(`/api/product-demands/${ids.demand}/report`, {
          tradingCompany: '贸易分公司',
          reportedOn: '2041-01-06',
          version: 1,
        }),
    },
    'POST /api/product-demands/:id/outcome': {
      entity: 'product_demand',
      action: 'outcome',
      run: async () =>
        (await director()).post(`/api/product-demands/${ids.demand}/outcome`, { outcome: 'unavailable', version: 2 }),
    },
  };
}
