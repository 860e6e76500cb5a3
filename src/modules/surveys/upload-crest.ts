import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import type { AuditContext } from '../../server/audit/record.js';
import { Problem } from '../../server/http/problem.js';
import { checkJpeg, checkPng, type ImageLimits } from '../../server/files/images.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { surveyLetters } from './schema.js';
import { getLetter } from './letter.js';
import { updateLetter } from './update-letter.js';
import type { TLetter } from './surveys.types.js';

const CREST_TYPES: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg' };
export const MAX_CREST_BYTES = 2 * 1024 * 1024;
/** A crest is printed 25 mm wide: 4000 px on a side (16 megapixels) is far more than enough. */
const CREST_LIMITS: ImageLimits = { maxSide: 4000, maxPixels: 16_000_000 };

const notAnImage = () => new Problem(415, 'unsupported_image', 'Bitte laden Sie das Wappen als PNG- oder JPEG-Bild hoch.', { field: 'file' });
/** The file extension of a crest by its type, PNG or JPEG (checked when the upload starts, and again before storing). */
export function acceptCrestType(mimetype: string): string {
  const ext = CREST_TYPES[mimetype];
  if (!ext) throw notAnImage();
  return ext;
}

/** The commune's crest or logo for the letterhead (PNG or JPEG, at most 2 MB and 4000 × 4000 pixels). */
export async function uploadCrest(db: Db, files: FileStorage, ctx: AuditContext, project: AnalysisRow, file: { mimetype: string; data: Buffer }): Promise<TLetter> {
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
    await recordSurveysAudit(tx, ctx, { action: 'survey_letter.crest_uploaded', entityType: 'analysis_project', entityId: project.id, after: { crest: key, bytes: file.data.length } });
  });
  return getLetter(db, project);
}
