import { createHash } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import type { AuditContext } from '../../server/audit/record.js';
import { invalidField, Problem } from '../../server/http/problem.js';
import { contentDisposition } from '../../server/http/download.js';
import { councilAgendaItems, councilFiles, councilMeetings, councilPapers, councilRules, councils } from './schema.js';
import type { CouncilRow } from './policy.js';
import { recordCouncilsAudit } from './audit.js';
import { fileOf, type FileRow } from './council-records.js';

export const MAX_COUNCIL_FILE_BYTES = 20 * 1024 * 1024;

/** The documents councils exchange: PDF, office files, images, plain text. */
export const COUNCIL_FILE_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', txt: 'text/plain',
};

export function acceptCouncilFile(file: { filename: string }) {
  const ext = file.filename.toLowerCase().split('.').pop() ?? '';
  if (!COUNCIL_FILE_TYPES[ext]) throw new Problem(415, 'unsupported_file_type', `Dateien vom Typ „.${ext}“ werden nicht angenommen. Erlaubt sind: ${Object.keys(COUNCIL_FILE_TYPES).join(', ')}.`, { field: 'file' });
}

export type FileOwnerType = FileRow['ownerType'];

/** Checks that what the file is attached to belongs to the council. */
async function checkOwner(db: Db, council: CouncilRow, ownerType: FileOwnerType, ownerId: string) {
  if (ownerType === 'rules') {
    const [rules] = await db.select({ id: councilRules.id }).from(councilRules).where(and(eq(councilRules.id, ownerId), eq(councilRules.councilId, council.id)));
    if (!rules) throw invalidField('ownerId', 'Diese Fassung der Geschäftsordnung gibt es in diesem Rat nicht.', 'Zugehörigkeit');
    return;
  }
  const table = { paper: councilPapers, agenda_item: councilAgendaItems, meeting: councilMeetings, council: councils, report: null }[ownerType];
  if (ownerType === 'council' ? ownerId !== council.id : !table) throw invalidField('ownerId', 'Dateien hängen an einer Vorlage, einem Tagesordnungspunkt, einer Sitzung, einer Geschäftsordnung oder am Rat.', 'Zugehörigkeit');
  if (ownerType === 'council') return;
  const t = table as typeof councilPapers;
  const [row] = await db.select({ id: t.id }).from(t).where(and(eq(t.id, ownerId), eq(t.councilId, council.id), isNull(t.deletedAt)));
  if (!row) throw invalidField('ownerId', 'Dazu gibt es in diesem Rat keinen Eintrag.', 'Zugehörigkeit');
}

export async function uploadCouncilFile(db: Db, files: FileStorage, ctx: AuditContext, council: CouncilRow, input: { ownerType: FileOwnerType; ownerId: string; name: string; fileName: string; data: Buffer }) {
  await checkOwner(db, council, input.ownerType, input.ownerId);
  const ext = input.fileName.toLowerCase().split('.').pop()!;
  const id = crypto.randomUUID();
  const storageKey = `councils/${council.id}/${id}.${ext}`;
  await files.put(storageKey, input.data, COUNCIL_FILE_TYPES[ext]!);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(councilFiles).values({
        id, councilId: council.id, ownerType: input.ownerType, ownerId: input.ownerId, name: input.name || input.fileName, fileName: input.fileName,
        mimeType: COUNCIL_FILE_TYPES[ext]!, size: input.data.length, sha512: createHash('sha512').update(input.data).digest('hex'), storageKey, createdBy: ctx.actorId,
      }).returning();
      // A file of the council itself is its founding resolution; one of a rules version is that version's text.
      if (input.ownerType === 'council') await tx.update(councils).set({ foundingResolutionFileId: id, updatedAt: new Date() }).where(eq(councils.id, council.id));
      if (input.ownerType === 'rules') await tx.update(councilRules).set({ fileId: id }).where(eq(councilRules.id, input.ownerId));
      await recordCouncilsAudit(tx, ctx, { action: 'council_file.uploaded', entityType: 'council_file', entityId: id, after: { ownerType: input.ownerType, ownerId: input.ownerId, fileName: input.fileName, size: input.data.length } });
      return row!;
    });
  } catch (e) {
    await files.remove(storageKey).catch(() => {});
    throw e;
  }
}

export async function deleteCouncilFile(db: Db, ctx: AuditContext, council: CouncilRow, fileId: string) {
  const file = await fileOf(db, council.id, fileId);
  await db.transaction(async (tx) => {
    await tx.update(councilFiles).set({ deletedAt: new Date(), updatedAt: new Date() }).where(eq(councilFiles.id, file.id));
    if (council.foundingResolutionFileId === file.id) await tx.update(councils).set({ foundingResolutionFileId: null, updatedAt: new Date() }).where(eq(councils.id, council.id));
    if (file.ownerType === 'rules') await tx.update(councilRules).set({ fileId: null }).where(and(eq(councilRules.id, file.ownerId), eq(councilRules.fileId, file.id)));
    await recordCouncilsAudit(tx, ctx, { action: 'council_file.deleted', entityType: 'council_file', entityId: file.id, before: { fileName: file.fileName, ownerType: file.ownerType } });
  });
}

/** Sends a stored file; `attachment` for downloads, inline for viewing. */
export async function sendCouncilFile(reply: FastifyReply, files: FileStorage, file: FileRow, disposition: 'attachment' | 'inline') {
  const data = await files.get(file.storageKey);
  return reply.header('content-type', file.mimeType).header('content-length', String(data.length))
    .header('content-disposition', contentDisposition(file.fileName, disposition))
    .header('x-content-type-options', 'nosniff').send(data);
}
