import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import { checkJpeg, checkPng } from '../../server/files/images.js';
import { communes } from '../communes/schema.js';
import { officialName, type OfficialName } from '../communes/official-name.js';
import { analysisProjects } from '../surveys/schema.js';
import { approvedCrest } from '../surveys/commune-crest.js';
import type { CouncilRow } from './policy.js';

/** What heads a council's documents: the commune's official name and its approved crest (PNG/JPEG bytes), if any. */
export interface Letterhead {
  /** "Stadt Schwarzenberg/Erzgeb." */
  officialName: string;
  /** "der Stadt Schwarzenberg/Erzgeb." */
  officialGenitive: string;
  crest: { data: Buffer; type: 'png' | 'jpg'; width: number; height: number } | null;
}

/** The crest on a document: at most this many points wide and high. */
export const CREST_BOX = { width: 54, height: 64 };

/**
 * The running commune's official name (registry name and type) and the crest it approved for the survey
 * letters (read through the surveys module; none when no analysis of the commune has an approved letter).
 */
export async function councilLetterhead(db: Db, files: FileStorage, council: CouncilRow): Promise<Letterhead> {
  const name = await communeOfficialName(db, council.ags);
  const [project] = await db.select().from(analysisProjects).where(eq(analysisProjects.ags, council.ags)).orderBy(desc(analysisProjects.startOn)).limit(1);
  const stored = project ? await approvedCrest(db, files, project) : null;
  return { officialName: name.name, officialGenitive: name.genitive, crest: stored ? await crestImage(stored.data, stored.mimetype) : null };
}

/** The official name of the commune `ags` ("Stadt Schwarzenberg/Erzgeb.", with its declined forms). */
export async function communeOfficialName(db: Db, ags: string): Promise<OfficialName> {
  const [commune] = await db.select({ name: communes.name, type: communes.type }).from(communes).where(eq(communes.ags, ags));
  return commune ? officialName(commune) : { name: ags, nominative: ags, genitive: ags, dative: ags, plural: false };
}

/** Crest bytes checked as PNG/JPEG and scaled into CREST_BOX (null when unreadable). */
async function crestImage(data: Buffer, mimetype: string): Promise<Letterhead['crest']> {
  const limits = { maxSide: 4000, maxPixels: 16_000_000 };
  const png = mimetype === 'image/png';
  const verdict = png ? await checkPng(data, limits) : checkJpeg(data, limits);
  if (!verdict.ok) return null;
  const scale = Math.min(CREST_BOX.width / verdict.info.width, CREST_BOX.height / verdict.info.height);
  return { data, type: png ? 'png' : 'jpg', width: verdict.info.width * scale, height: verdict.info.height * scale };
}

/** The crest as a data URL for pdfmake. */
export const crestDataUrl = (crest: NonNullable<Letterhead['crest']>) => `data:image/${crest.type === 'png' ? 'png' : 'jpeg'};base64,${crest.data.toString('base64')}`;

const DATE = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Berlin' });
const LONG_DATE = new Intl.DateTimeFormat('de-DE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' });
const TIME = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });
/** 10.12.2026 (Berlin time) */
export const dateDe = (d: Date) => DATE.format(d);
/** Donnerstag, 10. Dezember 2026 */
export const longDateDe = (d: Date) => LONG_DATE.format(d);
/** 17:00 */
export const timeDe = (d: Date) => TIME.format(d);
