import { and, asc, eq, not } from 'drizzle-orm';
import type { Content } from 'pdfmake/interfaces.js';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { Problem, unprocessable } from '../../server/http/problem.js';
import { formatDateDe, todayIso } from '../../lib/dates.js';
import { renderPdf } from '../../server/documents/pdf.js';
import { checkJpeg, checkPng, type ImageLimits } from '../../server/files/images.js';
import { communes } from '../communes/schema.js';
import { accessCodes, analysisProjects, samplePersons, surveyLetters, surveySamples, codeIsUsed } from './schema.js';
import { hashCode } from './access-codes.js';

type Project = typeof analysisProjects.$inferSelect;
const MM = 2.8346;

async function defaults(db: Db, project: Project) {
  const [c] = await db.select({ name: communes.name }).from(communes).where(eq(communes.ags, project.ags));
  const town = (c?.name ?? project.ags).split(',')[0]!;
  return {
    sender: `Stadtverwaltung ${town} · Bürgerbefragung`,
    subject: `Bürgerbefragung „Sicherheit in ${town}“ – Ihre Meinung zählt`,
    body: `wie sicher fühlen Sie sich in ${town}? Gemeinsam mit der Polizei und dem Landespräventionsrat Sachsen möchten wir das von Ihnen erfahren. Sie wurden zufällig aus dem Melderegister ausgewählt, um stellvertretend für viele Bürgerinnen und Bürger teilzunehmen.\n\nDie Befragung ist freiwillig und anonym. Ihre Antworten werden getrennt von Ihrem Zugangscode gespeichert und lassen sich Ihnen nicht zuordnen. Ihr Name und Ihre Anschrift werden gelöscht, sobald dieser Brief versandt ist.\n\nSie können online teilnehmen (QR-Code oder Internetadresse mit Ihrem persönlichen Code) oder den beiliegenden Fragebogen im Rückumschlag zurücksenden. Vielen Dank für Ihre Unterstützung!`,
    reminderBody: `vor einigen Wochen haben wir Sie zur Bürgerbefragung „Sicherheit in ${town}“ eingeladen. Falls Sie schon teilgenommen haben, danken wir Ihnen herzlich. Falls nicht, würden wir uns freuen, wenn Sie sich noch etwa 15 Minuten Zeit nehmen – jede Antwort macht das Ergebnis genauer.`,
    signature: `Mit freundlichen Grüßen\n\nOberbürgermeister/in der Stadt ${town}`,
  };
}

export async function getLetter(db: Db, project: Project) {
  const [row] = await db.select().from(surveyLetters).where(eq(surveyLetters.projectId, project.id));
  if (row) return { sender: row.sender, subject: row.subject, body: row.body, reminderBody: row.reminderBody, signature: row.signature, hasCrest: !!row.crestKey, version: row.version };
  return { ...(await defaults(db, project)), hasCrest: false, version: 0 };
}

/** Saves the letter text (version 0 = the first save of the default text). */
export async function updateLetter(db: Db, ctx: AuditContext, project: Project, input: { sender: string; subject: string; body: string; reminderBody: string; signature: string; version: number }) {
  return db.transaction(async (tx) => {
    const before = await getLetter(tx, project);
    const { version, ...values } = input;
    if (before.version === 0) {
      if (version !== 0) throw new Problem(409, 'version_conflict', 'Das Anschreiben wurde zwischenzeitlich geändert. Bitte laden Sie die Seite neu.');
      await tx.insert(surveyLetters).values({ projectId: project.id, ...values }).onConflictDoNothing();
    } else {
      await updateVersioned(tx, surveyLetters, eq(surveyLetters.projectId, project.id), version, { ...values, updatedAt: new Date() }, 'Das Anschreiben');
    }
    const after = await getLetter(tx, project);
    await recordAudit(tx, ctx, { action: 'survey_letter.updated', entityType: 'analysis_project', entityId: project.id, before, after });
    return after;
  });
}

const CREST_TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg' };
export const MAX_CREST_BYTES = 2 * 1024 * 1024;
/** A crest is printed 25 mm wide: 4000 px on a side (16 megapixels) is far more than enough. */
export const CREST_LIMITS: ImageLimits = { maxSide: 4000, maxPixels: 16_000_000 };

const notAnImage = () => new Problem(415, 'unsupported_image', 'Bitte laden Sie das Wappen als PNG- oder JPEG-Bild hoch.', { field: 'file' });
/** The file extension of a crest by its type, PNG or JPEG (checked when the upload starts, and again before storing). */
export function acceptCrestType(mimetype: string): string {
  const ext = CREST_TYPES[mimetype];
  if (!ext) throw notAnImage();
  return ext;
}

/** The commune's crest or logo for the letterhead (PNG or JPEG, at most 2 MB and 4000 × 4000 pixels). */
export async function uploadCrest(db: Db, files: FileStorage, ctx: AuditContext, project: Project, file: { mimetype: string; data: Buffer }) {
  const ext = acceptCrestType(file.mimetype);
  if (file.data.length > MAX_CREST_BYTES) throw new Problem(413, 'file_too_large', 'Das Wappen darf höchstens 2 MB groß sein.', { field: 'file' });
  // The pixel size comes from the header and the PNG data is inflated only up to what it announces, before
  // anything decodes the image (a PDF renderer would otherwise unpack a "decompression bomb" in full).
  const verdict = ext === 'png' ? await checkPng(file.data, CREST_LIMITS) : checkJpeg(file.data, CREST_LIMITS);
  if (!verdict.ok && verdict.reason === 'invalid') throw notAnImage();
  if (!verdict.ok) {
    throw new Problem(422, 'image_too_large', verdict.info
      ? `Die Bilddatei ist zu groß (${verdict.info.width} × ${verdict.info.height} Pixel); das Wappen darf höchstens ${CREST_LIMITS.maxSide} × ${CREST_LIMITS.maxSide} Pixel und ${CREST_LIMITS.maxPixels / 1e6} Megapixel haben.`
      : 'Die Bilddatei enthält mehr Bilddaten, als ihre Größenangabe erlaubt, und wird nicht angenommen.', { field: 'file' });
  }
  const current = await getLetter(db, project);
  if (current.version === 0) await updateLetter(db, ctx, project, { ...current, version: 0 });
  const key = `surveys/${project.id}/crest.${ext}`;
  await files.put(key, file.data, file.mimetype);
  await db.transaction(async (tx) => {
    await tx.update(surveyLetters).set({ crestKey: key, crestType: file.mimetype, updatedAt: new Date() }).where(eq(surveyLetters.projectId, project.id));
    await recordAudit(tx, ctx, { action: 'survey_letter.crest_uploaded', entityType: 'analysis_project', entityId: project.id, after: { crest: key, bytes: file.data.length } });
  });
  return getLetter(db, project);
}

export type LetterKind = 'invitation' | 'reminder';

/**
 * The serial letter: one page per person with the letterhead (crest), address window, the text, the
 * personal code and a QR code of the survey address with the code. Reminders go only to unused codes.
 */
export async function produceLetters(db: Db, files: FileStorage, ctx: AuditContext, project: Project, kind: LetterKind, surveyUrl: string): Promise<Buffer> {
  const [sample] = await db.select().from(surveySamples).where(eq(surveySamples.projectId, project.id));
  if (!sample) throw unprocessable('no_sample', 'Es ist noch keine Stichprobe gezogen.');
  if (sample.personalDataDeletedAt) throw unprocessable('personal_data_deleted', 'Namen und Adressen wurden bereits gelöscht; es können keine Briefe mehr erstellt werden.');
  let persons = await db.select().from(samplePersons).where(eq(samplePersons.projectId, project.id)).orderBy(asc(samplePersons.serial));
  if (kind === 'reminder') {
    if (!sample.lettersAt) throw unprocessable('no_invitations', 'Erinnerungen gibt es erst nach den Einladungsschreiben.');
    const unused = new Set((await db.select({ h: accessCodes.codeHash }).from(accessCodes).where(and(eq(accessCodes.projectId, project.id), not(codeIsUsed)))).map((r) => r.h));
    persons = persons.filter((p) => unused.has(hashCode(p.code)));
  }
  const letter = await getLetter(db, project);
  const [row] = await db.select({ crestKey: surveyLetters.crestKey, crestType: surveyLetters.crestType }).from(surveyLetters).where(eq(surveyLetters.projectId, project.id));
  const crest = row?.crestKey ? `data:${row.crestType};base64,${(await files.get(row.crestKey)).toString('base64')}` : null;
  const today = formatDateDe(todayIso());
  const body = kind === 'invitation' ? letter.body : letter.reminderBody;
  const pages: Content[] = persons.map((p, i) => {
    const url = `${surveyUrl}?code=${encodeURIComponent(p.code)}`;
    const greeting = p.salutation === 'Frau' || p.salutation === 'Herr' ? `${p.salutation === 'Frau' ? 'Sehr geehrte Frau' : 'Sehr geehrter Herr'} ${p.lastName},` : `Guten Tag ${p.firstName} ${p.lastName},`;
    return {
      stack: [
        ...(crest ? [{ image: crest, fit: [70, 70] as [number, number], absolutePosition: { x: 170 * MM, y: 15 * MM } }] : []),
        { text: letter.sender, fontSize: 7, absolutePosition: { x: 25 * MM, y: 45 * MM } },
        { stack: [[p.salutation, p.firstName, p.lastName].filter(Boolean).join(' '), p.street, `${p.postalCode} ${p.city}`], absolutePosition: { x: 25 * MM, y: 52 * MM } },
        { text: today, alignment: 'right', margin: [0, 80 * MM - 56, 0, 8 * MM] },
        { text: kind === 'reminder' ? `Erinnerung: ${letter.subject}` : letter.subject, bold: true, margin: [0, 0, 0, 12] },
        { text: greeting, margin: [0, 0, 0, 8] },
        ...body.split(/\n{2,}/).map((para) => ({ text: para, margin: [0, 0, 0, 8] as [number, number, number, number] })),
        {
          table: { widths: [90, '*'], body: [[
            { qr: url, fit: 90, margin: [0, 4, 0, 4] },
            { stack: [{ text: 'Ihr persönlicher Zugangscode', bold: true }, { text: p.code, fontSize: 20, bold: true, margin: [0, 4, 0, 4] }, { text: `Online teilnehmen: ${surveyUrl}`, fontSize: 9 }, { text: 'Der Code gilt für eine Teilnahme.', fontSize: 9 }], margin: [8, 6, 0, 0] },
          ]] },
          layout: { hLineWidth: () => 1, vLineWidth: () => 0 }, margin: [0, 8, 0, 12],
        },
        { text: letter.signature },
      ],
      pageBreak: i < persons.length - 1 ? 'after' : undefined,
    } as Content;
  });
  if (!pages.length) throw unprocessable('nobody_to_write', kind === 'reminder' ? 'Alle Codes wurden bereits genutzt; es ist keine Erinnerung nötig.' : 'Die Stichprobe ist leer.');
  const pdf = await renderPdf({ info: { title: `${kind === 'reminder' ? 'Erinnerungsschreiben' : 'Anschreiben'} ${project.title}`, creator: 'ASSKomm-Plattform' }, pageSize: 'A4', pageMargins: [25 * MM, 20 * MM, 20 * MM, 20 * MM], content: pages });
  await db.transaction(async (tx) => {
    await tx.update(surveySamples).set(kind === 'invitation' ? { lettersAt: new Date() } : { remindersAt: new Date() }).where(eq(surveySamples.projectId, project.id));
    await recordAudit(tx, ctx, { action: `survey_letters.${kind}_produced`, entityType: 'analysis_project', entityId: project.id, after: { letters: pages.length } });
  });
  return pdf;
}

/** Data minimisation: names, addresses and plain codes go; the hashed code table and the strata counts stay. */
export async function deletePersonalData(db: Db, ctx: AuditContext, project: Project) {
  return db.transaction(async (tx) => {
    const [sample] = await tx.select().from(surveySamples).where(eq(surveySamples.projectId, project.id));
    if (!sample?.lettersAt) throw unprocessable('letters_not_produced', 'Namen und Adressen werden erst gelöscht, wenn die Anschreiben erstellt sind.');
    const gone = await tx.delete(samplePersons).where(eq(samplePersons.projectId, project.id)).returning({ id: samplePersons.id });
    await tx.update(surveySamples).set({ personalDataDeletedAt: new Date() }).where(eq(surveySamples.projectId, project.id));
    await recordAudit(tx, ctx, { action: 'survey_sample.personal_data_deleted', entityType: 'analysis_project', entityId: project.id, after: { personsDeleted: gone.length } });
    return { personsDeleted: gone.length };
  });
}
