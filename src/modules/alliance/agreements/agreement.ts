import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { notFound } from '../../../server/http/problem.js';
import { communes, communeGroups, policeDirectorates } from '../../communes/schema.js';
import { agreementCommunes, agreementRevisions, agreements, type AgreementSection, type Signatory } from '../schema.js';
import { fieldLabels, labelTopics } from '../lookups.js';
import { MODULE_LABELS, type AgreementModule } from '../reference-data.js';
import { communesParty, officialName } from '../../communes/official-name.js';
import type { TAgreementRecord } from './agreements.types.js';

export const KIND_LABELS = { pre: 'Vorvereinbarung', cooperation: 'Kooperationsvereinbarung' } as const;
export const STATE_LABELS = { draft: 'Entwurf', agreed: 'abgestimmt', signed: 'unterzeichnet', ended: 'beendet' } as const;
export type AgreementKind = keyof typeof KIND_LABELS;
type AgreementState = keyof typeof STATE_LABELS;
const LPR_NAME = 'Landespräventionsrat Sachsen';

type Row = typeof agreements.$inferSelect;

export const moduleLabel = (m: string) => MODULE_LABELS[m as AgreementModule] ?? m;

/** The values of a template's placeholders (see DEFAULT_TEMPLATE_SECTIONS). */
export interface TemplateValues { communes: ReturnType<typeof communesParty>; police: string; modules: string }

/** Fills the template's placeholders; a placeholder at the start of a sentence is capitalised. */
export function fillTemplate(text: string, v: TemplateValues): string {
  const values: Record<string, string> = {
    Kommunen: v.communes.nominative, 'Kommunen:kurz': v.communes.short.nominative, 'Kommunen:Genitiv': v.communes.short.genitive,
    Polizei: v.police, Module: v.modules || 'nach Vereinbarung',
  };
  return text.replace(/\{([^{}|]+)(?:\|([^{}]*))?\}/g, (match: string, first: string, second: string | undefined, offset: number) => {
    const value = second !== undefined ? (v.communes.plural ? second : first) : values[first];
    if (value === undefined) return match;
    const startsSentence = /(^|[.!?]\s+)$/.test(text.slice(0, offset));
    return startsSentence ? value.charAt(0).toUpperCase() + value.slice(1) : value;
  });
}

export function fillPlaceholders(sections: AgreementSection[], values: TemplateValues): AgreementSection[] {
  return sections.map((s) => ({ ...s, text: fillTemplate(s.text, values) }));
}

export const joinNames = (names: string[]) => names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} und ${names.at(-1)}`;

export async function presentAgreements(db: Db, rows: Row[]): Promise<TAgreementRecord[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const covered = await db.select({ id: agreementCommunes.agreementId, ags: communes.ags, name: communes.name, type: communes.type, districtAgs: communes.districtAgs })
    .from(agreementCommunes).innerJoin(communes, eq(communes.ags, agreementCommunes.ags)).where(inArray(agreementCommunes.agreementId, ids)).orderBy(asc(communes.name));
  const groupIds = rows.map((r) => r.groupId).filter((g): g is string => !!g);
  const groups = new Map(groupIds.length ? (await db.select({ id: communeGroups.id, name: communeGroups.name }).from(communeGroups).where(inArray(communeGroups.id, groupIds))).map((g) => [g.id, g]) : []);
  const directorates = new Map((await db.select().from(policeDirectorates)).map((d) => [d.id, d.name]));
  const revisions = await db.select({ id: agreementRevisions.agreementId, revision: agreementRevisions.revision, signedOn: agreementRevisions.signedOn,
    scanName: agreementRevisions.scanName, scanSize: agreementRevisions.scanSize, scanUploadedAt: agreementRevisions.scanUploadedAt })
    .from(agreementRevisions).where(inArray(agreementRevisions.agreementId, ids)).orderBy(asc(agreementRevisions.revision));
  const labels = await fieldLabels(db);
  return rows.map((r) => {
    const own = revisions.filter((v) => v.id === r.id);
    const lastSigned = own.at(-1);
    const ownCommunes = covered.filter((c) => c.id === r.id);
    const communeList = ownCommunes.map(({ ags, name, districtAgs }) => ({ ags, name, districtAgs }));
    const official = new Map(ownCommunes.map((c) => [c.ags, officialName(c).name]));
    const directorateName = directorates.get(r.policeDirectorateId) ?? r.policeDirectorateId;
    const sig = (party: Signatory['party'], ags?: string) => r.signatories.find((s) => s.party === party && (party !== 'commune' || s.ags === ags));
    const parties = [
      ...communeList.map((c) => ({ party: 'commune' as const, ags: c.ags, label: official.get(c.ags)!, signatoryName: sig('commune', c.ags)?.name ?? '', signatoryOffice: sig('commune', c.ags)?.office ?? '' })),
      { party: 'police' as const, ags: null, label: r.policeUnit ? `${directorateName}, ${r.policeUnit}` : directorateName, signatoryName: sig('police')?.name ?? '', signatoryOffice: sig('police')?.office ?? '' },
      { party: 'lpr' as const, ags: null, label: LPR_NAME, signatoryName: sig('lpr')?.name ?? '', signatoryOffice: sig('lpr')?.office ?? '' },
    ];
    return {
      id: r.id, kind: r.kind as AgreementKind, kindLabel: KIND_LABELS[r.kind as AgreementKind], title: r.title,
      state: r.state as AgreementState, stateLabel: STATE_LABELS[r.state as AgreementState],
      subjectAgs: r.subjectAgs, group: r.groupId ? groups.get(r.groupId) ?? null : null, communes: communeList,
      policeDirectorate: { id: r.policeDirectorateId, name: directorateName }, policeUnit: r.policeUnit,
      parties, signatories: r.signatories, modules: r.modules, topics: labelTopics(labels, r.topics),
      goals: r.goals, measures: r.measures, sections: r.sections,
      signedOn: r.signedOn, signedPlace: r.signedPlace, inForceSince: r.inForceSince, endedOn: r.endedOn, endReason: r.endReason,
      revision: r.revision, revisions: own.map((v) => ({ revision: v.revision, signedOn: v.signedOn, hasScan: v.scanUploadedAt !== null })),
      /** The scan of the latest signed revision. */
      scan: lastSigned?.scanUploadedAt ? { revision: lastSigned.revision, name: lastSigned.scanName ?? 'scan.pdf', size: lastSigned.scanSize ?? 0, uploadedAt: lastSigned.scanUploadedAt.toISOString() } : null,
      version: r.version, updatedAt: r.updatedAt.toISOString(),
    };
  });
}

export async function getAgreementRow(db: Db, id: string) {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  if (!row) throw notFound('Diese Vereinbarung gibt es nicht.');
  return row;
}

/** One agreement, or undefined (the policy's subject loader). */
export async function loadAgreement(db: Db, id: string): Promise<TAgreementRecord | undefined> {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  return row ? (await presentAgreements(db, [row]))[0] : undefined;
}

/** One agreement inside a write; 404 when it is gone. */
export async function getAgreement(db: Db, id: string): Promise<TAgreementRecord> {
  return (await presentAgreements(db, [await getAgreementRow(db, id)]))[0]!;
}
