import type { AgreementInput, CertificateInput, CertificateUpdateInput } from '@sales/core';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { createdFields, diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { ConflictError, StaleVersionError, ValidationError } from '../../platform/errors/errors.ts';
import { registerAttachmentOwner, saveAttachment } from '../../platform/files/index.ts';
import { companyDate } from '../../platform/time.ts';
import { beginOnboarding } from './onboarding.ts';
import { findCertificateForChange, findPersonForChange, findPersonInScope } from './training.access.ts';
import { staffCertificates, staffRecords } from './training.schema.ts';

export const STAFF_ENTITY = 'staff_record';
const CERT_FIELDS = ['name', 'number', 'issuedOn', 'expiresOn'] as const;

// The agreement's scan is seen by whoever sees the person's staff record.
registerAttachmentOwner(STAFF_ENTITY, async (ctx, id) => {
  await findPersonInScope(ctx, id);
});

/** The staff record row of a person, created empty on first write; locked. */
async function lockRecord(tx: Tx, ctx: Ctx, userId: number) {
  await tx
    .insert(staffRecords)
    .values({ userId, createdAt: ctx.now(), updatedAt: ctx.now() })
    .onConflictDoNothing({ target: staffRecords.userId });
  const [row] = await tx.select().from(staffRecords).where(eq(staffRecords.userId, userId)).for('update');
  return row;
}

/**
 * Records the signed confidentiality agreement (seed 001 保密措施 1: 与销售人员签订保密协议): the
 * signing date and, optionally, the signed copy through the platform's files. Version 1 for a
 * person without a record yet.
 */
export async function recordAgreement(ctx: Ctx, userId: number, input: AgreementInput) {
  if (input.signedOn > companyDate(ctx.now())) throw ValidationError.field('signedOn', 'training.date_future');
  return ctx.db.transaction(async (tx) => {
    await findPersonForChange(ctx, userId, tx);
    const cur = await lockRecord(tx, ctx, userId);
    if (cur.version !== input.version) throw new StaleVersionError();
    const file = input.file ? await saveAttachment(tx, ctx, STAFF_ENTITY, userId, 'confidentiality', input.file) : null;
    const next = { agreementSignedOn: input.signedOn, agreementFileId: file?.id ?? cur.agreementFileId };
    await tx
      .update(staffRecords)
      .set({ ...next, version: cur.version + 1, updatedAt: ctx.now() })
      .where(eq(staffRecords.userId, userId));
    await recordAudit(tx, ctx, {
      entityType: STAFF_ENTITY,
      entityId: userId,
      action: 'agreement',
      changes: [
        ...diffFields(cur, next, ['agreementSignedOn']),
        ...(file ? [{ field: 'agreementFile', old: null, new: file.fileName }] : []),
      ],
    });
  });
}

/** Starts (or restarts) a person's onboarding by hand: a re-hire, or someone from before the gate. */
export async function startOnboarding(ctx: Ctx, userId: number, version: number | null | undefined) {
  return ctx.db.transaction(async (tx) => {
    await findPersonForChange(ctx, userId, tx);
    const cur = await lockRecord(tx, ctx, userId);
    if (version != null && cur.version !== version) throw new StaleVersionError();
    if (cur.onboardingStatus === 'in_training') throw new ConflictError('training.onboarding_running');
    await beginOnboarding(tx, ctx, userId, companyDate(ctx.now()));
  });
}

function validateCertificate(input: CertificateInput) {
  if (input.expiresOn && input.expiresOn < input.issuedOn)
    throw ValidationError.field('expiresOn', 'training.expires_before_issue');
}

/** Adds a qualification certificate to a person's record (seed 000 第六条: 具有相关资格证书). */
export async function addCertificate(ctx: Ctx, userId: number, input: CertificateInput) {
  validateCertificate(input);
  return ctx.db.transaction(async (tx) => {
    await findPersonForChange(ctx, userId, tx);
    const values = { ...input, expiresOn: input.expiresOn ?? null };
    const [row] = await tx
      .insert(staffCertificates)
      .values({ ...values, userId, createdAt: ctx.now(), updatedAt: ctx.now() })
      .returning({ id: staffCertificates.id });
    await recordAudit(tx, ctx, {
      entityType: 'staff_certificate',
      entityId: row.id,
      action: 'create',
      changes: createdFields({ ...values, userId }, [...CERT_FIELDS, 'userId']),
    });
    return { id: row.id };
  });
}

/** Changes a certificate (a renewal is a new expiry date: its reminder is due again before it). */
export async function updateCertificate(ctx: Ctx, id: number, input: CertificateUpdateInput) {
  validateCertificate(input);
  return ctx.db.transaction(async (tx) => {
    const cur = await findCertificateForChange(ctx, id, tx, input.version);
    const next = {
      name: input.name,
      number: input.number,
      issuedOn: input.issuedOn,
      expiresOn: input.expiresOn ?? null,
    };
    const changes = diffFields(cur, next, CERT_FIELDS);
    if (changes.length === 0) return;
    await tx
      .update(staffCertificates)
      .set({ ...next, version: cur.version + 1, updatedAt: ctx.now() })
      .where(eq(staffCertificates.id, id));
    await recordAudit(tx, ctx, { entityType: 'staff_certificate', entityId: id, action: 'update', changes });
  });
}

/** Removes a certificate entered by mistake; audited with what it held. */
export async function deleteCertificate(ctx: Ctx, id: number, version: number) {
  return ctx.db.transaction(async (tx) => {
    const cur = await findCertificateForChange(ctx, id, tx, version);
    await tx.delete(staffCertificates).where(eq(staffCertificates.id, id));
    await recordAudit(tx, ctx, {
      entityType: 'staff_certificate',
      entityId: id,
      action: 'delete',
      changes: diffFields(cur, {}, [...CERT_FIELDS, 'userId']),
    });
  });
}
