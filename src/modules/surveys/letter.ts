import { communeBaseName } from '../communes/official-name.js';
import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { communes } from '../communes/schema.js';
import type { AnalysisRow } from './policy.js';
import { surveyLetters } from './schema.js';
import type { TLetter } from './surveys.types.js';

/** The commune's default letter, until someone saves their own text. */
async function defaults(db: Db, project: AnalysisRow) {
  const [c] = await db.select({ name: communes.name }).from(communes).where(eq(communes.ags, project.ags));
  const town = c ? communeBaseName(c.name) : project.ags;
  return {
    sender: `Stadtverwaltung ${town} · Bürgerbefragung`,
    subject: `Bürgerbefragung „Sicherheit in ${town}“ – Ihre Meinung zählt`,
    body: `wie sicher fühlen Sie sich in ${town}? Gemeinsam mit der Polizei und dem Landespräventionsrat Sachsen möchten wir das von Ihnen erfahren. Sie wurden zufällig aus dem Melderegister ausgewählt, um stellvertretend für viele Bürgerinnen und Bürger teilzunehmen.\n\nDie Befragung ist freiwillig und anonym. Ihre Antworten werden getrennt von Ihrem Zugangscode gespeichert und lassen sich Ihnen nicht zuordnen. Ihr Name und Ihre Anschrift werden gelöscht, sobald dieser Brief versandt ist.\n\nSie können online teilnehmen (QR-Code oder Internetadresse mit Ihrem persönlichen Code) oder den beiliegenden Fragebogen im Rückumschlag zurücksenden. Vielen Dank für Ihre Unterstützung!`,
    reminderBody: `vor einigen Wochen haben wir Sie zur Bürgerbefragung „Sicherheit in ${town}“ eingeladen. Falls Sie schon teilgenommen haben, danken wir Ihnen herzlich. Falls nicht, würden wir uns freuen, wenn Sie sich noch etwa 15 Minuten Zeit nehmen – jede Antwort macht das Ergebnis genauer.`,
    signature: `Mit freundlichen Grüßen\n\nOberbürgermeister/in der Stadt ${town}`,
  };
}

/** The cover letter (version 0: the default text, not saved yet). */
export async function getLetter(db: Db, project: AnalysisRow): Promise<TLetter> {
  const [row] = await db.select().from(surveyLetters).where(eq(surveyLetters.projectId, project.id));
  if (row) return { sender: row.sender, subject: row.subject, body: row.body, reminderBody: row.reminderBody, signature: row.signature, hasCrest: !!row.crestKey, version: row.version };
  return { ...(await defaults(db, project)), hasCrest: false, version: 0 };
}
