import {
  AmendmentInput,
  BigIdParams,
  ContractFilter,
  ContractInput,
  ContractListQuery,
  ContractOrderInput,
  ContractSignInput,
  ContractTemplateInput,
  ContractTemplateUpdateInput,
  ContractTerminateInput,
  ContractUpdateInput,
  ContractVersionInput,
  DisputeInput,
  DisputeListQuery,
  DisputeResolveInput,
  IntIdParams,
} from '@sales/core';
import type { ZodApp } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { documentApprovals } from '../../platform/approvals/approvals.queries.ts';
import { ctxOf } from '../../platform/http/auth-hook.ts';
import type { Surface } from '../../platform/http/types.ts';
import { documentLinks } from '../../platform/links/index.ts';
import type { Permission } from '../../platform/permissions/registry.ts';
import { listAmendments, proposeAmendment } from './contracts.amend.ts';
import { contractDisputesOf, listDisputes, recordDispute, resolveDispute } from './contracts.disputes.ts';
import { exportContractsXlsx } from './contracts.export.ts';
import { countContracts, countContractViews, listContracts } from './contracts.list.ts';
import { orderFromContract } from './contracts.order.ts';
import { renderContractPdf } from './contracts.pdf.ts';
import { getContract } from './contracts.queries.ts';
import { CONTRACT_DOC, submitContractReview } from './contracts.review.ts';
import { createContract, updateContract } from './contracts.service.ts';
import { completeContract, signContract, terminateContract } from './contracts.sign.ts';
import { contractTimeline } from './contracts.timeline.ts';
import {
  createContractTemplate,
  getContractTemplate,
  listContractTemplates,
  updateContractTemplate,
} from './templates.service.ts';

const Id = BigIdParams;
const tags = ['contracts'];

export function contractRoutes(app: ZodApp, db: Db) {
  const cfg = (permission: Permission, surface: Surface, resource = 'contract') => ({ permission, resource, surface });
  const view = (surface: Surface) => cfg('contract.view', surface);
  const edit = cfg('contract.edit', 'mutation');

  app.get('/contracts', { config: view('list'), schema: { tags, querystring: ContractListQuery } }, async (req) =>
    listContracts(ctxOf(req, db), req.query),
  );
  app.get('/contracts/count', { config: view('count'), schema: { tags, querystring: ContractFilter } }, async (req) =>
    countContracts(ctxOf(req, db), req.query),
  );
  app.get(
    '/contracts/views',
    { config: view('count'), schema: { tags, querystring: ContractFilter.omit({ view: true }) } },
    async (req) => countContractViews(ctxOf(req, db), req.query),
  );
  app.get(
    '/contracts/export',
    { config: cfg('contract.export', 'export'), schema: { tags, querystring: ContractFilter } },
    async (req, reply) => {
      const stream = exportContractsXlsx(ctxOf(req, db), req.query);
      const name = encodeURIComponent(`合同台账-${new Date().toISOString().slice(0, 10)}.xlsx`);
      reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="contracts.xlsx"; filename*=UTF-8''${name}`);
      return reply.send(stream);
    },
  );
  app.get('/contracts/:id', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    getContract(ctxOf(req, db), req.params.id),
  );
  // The documents it was made from and those made from it (issue 11 item 3).
  app.get('/contracts/:id/links', { config: view('byId'), schema: { tags, params: Id } }, async (req) =>
    documentLinks(ctxOf(req, db), 'contract', req.params.id),
  );
  app.get('/contracts/:id/pdf', { config: view('byId'), schema: { tags, params: Id } }, async (req, reply) => {
    const { no, pdf } = await renderContractPdf(ctxOf(req, db), req.params.id);
    reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${no}.pdf"`);
    return reply.send(pdf);
  });
  app.get('/contracts/:id/timeline', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await contractTimeline(ctxOf(req, db), req.params.id),
  }));
  // The contract's reviews (合同评审) for everyone who sees the contract, masked like the contract
  // (the instance itself opens only to its applicant and approvers; issue 11: a 404 page in the tab).
  app.get('/contracts/:id/approvals', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await documentApprovals(ctxOf(req, db), CONTRACT_DOC, req.params.id),
  }));
  app.get('/contracts/:id/amendments', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await listAmendments(ctxOf(req, db), req.params.id),
  }));
  app.get('/contracts/:id/disputes', { config: view('byId'), schema: { tags, params: Id } }, async (req) => ({
    items: await contractDisputesOf(ctxOf(req, db), req.params.id),
  }));
  app.post(
    '/contracts',
    { config: cfg('contract.create', 'mutation'), schema: { tags, body: ContractInput } },
    async (req, reply) => reply.code(201).send(await createContract(ctxOf(req, db), req.body)),
  );
  app.put('/contracts/:id', { config: edit, schema: { tags, params: Id, body: ContractUpdateInput } }, async (req) =>
    updateContract(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/contracts/:id/submit',
    { config: edit, schema: { tags, params: Id, body: ContractVersionInput } },
    async (req) => submitContractReview(ctxOf(req, db), req.params.id, req.body.version),
  );
  app.post(
    '/contracts/:id/sign',
    {
      config: cfg('contract.sign', 'mutation'),
      bodyLimit: 16 * 1024 * 1024,
      schema: { tags, params: Id, body: ContractSignInput },
    },
    async (req) => signContract(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/contracts/:id/complete',
    { config: edit, schema: { tags, params: Id, body: ContractVersionInput } },
    async (req) => completeContract(ctxOf(req, db), req.params.id, req.body.version),
  );
  app.post(
    '/contracts/:id/orders',
    { config: edit, schema: { tags, params: Id, body: ContractOrderInput } },
    async (req, reply) => reply.code(201).send(await orderFromContract(ctxOf(req, db), req.params.id, req.body)),
  );
  app.post(
    '/contracts/:id/terminate',
    { config: edit, schema: { tags, params: Id, body: ContractTerminateInput } },
    async (req) => terminateContract(ctxOf(req, db), req.params.id, req.body),
  );
  app.post(
    '/contracts/:id/amendments',
    { config: edit, schema: { tags, params: Id, body: AmendmentInput } },
    async (req, reply) => reply.code(201).send(await proposeAmendment(ctxOf(req, db), req.params.id, req.body)),
  );
  app.post(
    '/contracts/:id/disputes',
    { config: edit, schema: { tags, params: Id, body: DisputeInput } },
    async (req, reply) => reply.code(201).send(await recordDispute(ctxOf(req, db), req.params.id, req.body)),
  );

  app.get(
    '/contract-disputes',
    { config: cfg('contract.view', 'list', 'contract_dispute'), schema: { tags, querystring: DisputeListQuery } },
    async (req) => listDisputes(ctxOf(req, db), req.query),
  );
  app.post(
    '/contract-disputes/:id/resolve',
    {
      config: cfg('contract.edit', 'mutation', 'contract_dispute'),
      schema: { tags, params: Id, body: DisputeResolveInput },
    },
    async (req) => resolveDispute(ctxOf(req, db), req.params.id, req.body),
  );

  const manage = { permission: 'contract_template.manage' as const };
  // Active templates for drafting; the management page lists all of them.
  app.get('/contract-templates', { config: { permission: 'contract.view' }, schema: { tags } }, async (req) => ({
    items: await listContractTemplates(ctxOf(req, db), false),
  }));
  app.get('/contract-templates/manage', { config: manage, schema: { tags } }, async (req) => ({
    items: await listContractTemplates(ctxOf(req, db), true),
  }));
  app.get('/contract-templates/:id', { config: manage, schema: { tags, params: IntIdParams } }, async (req) =>
    getContractTemplate(ctxOf(req, db), req.params.id),
  );
  app.post(
    '/contract-templates',
    { config: manage, schema: { tags, body: ContractTemplateInput } },
    async (req, reply) => reply.code(201).send(await createContractTemplate(ctxOf(req, db), req.body)),
  );
  app.put(
    '/contract-templates/:id',
    { config: manage, schema: { tags, params: IntIdParams, body: ContractTemplateUpdateInput } },
    async (req) => updateContractTemplate(ctxOf(req, db), req.params.id, req.body),
  );
}
