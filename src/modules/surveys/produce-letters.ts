import { and, asc, eq, not } from 'drizzle-orm';
import type { Content } from 'pdfmake/interfaces.js';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import type { AuditContext } from '../../server/audit/record.js';
import { unprocessable } from '../../server/http/problem.js';
import { formatDateDe, todayIso } from '../../lib/dates.js';
import { renderPdf } from '../../server/documents/pdf.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { accessCodes, samplePersons, surveyLetters, surveySamples } from './schema.js';
import { hashCode } from './access-codes.js';
import { codeIsUsed } from './survey-state.js';
import { getLetter } from './letter.js';
import type { TLetterKind } from './surveys.types.js';

const MM = 2.8346;

/**
 * The serial letter: one page per person with the letterhead (crest), address window, the text, the
 * personal code and a QR code of the survey address with the code. Reminders go only to unused codes.
 */
export async function produceLetters(db: Db, files: FileStorage, ctx: AuditContext, project: AnalysisRow, kind: TLetterKind, surveyUrl: string): Promise<Buffer> {
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
    await recordSurveysAudit(tx, ctx, { action: `survey_letters.${kind}_produced`, entityType: 'analysis_project', entityId: project.id, after: { letters: pages.length } });
  });
  return pdf;
}
