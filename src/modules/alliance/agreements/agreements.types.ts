import { z } from 'zod';
import { ZListQuery, ZPage } from '../../../server/http/paging.js';
import { ZAgs } from '../../communes/communes.types.js';
import { ZDate, ZIntParam, ZString, ZText, ZVersion } from '../../../server/http/zod.js';
import { ZCommuneRef } from '../alliance.types.js';
import { ZFieldOfActionRef, ZSection } from '../admin/admin.types.js';
import { AGREEMENT_MODULES } from '../reference-data.js';

export const AGREEMENT_KINDS = ['pre', 'cooperation'] as const;
export const AGREEMENT_STATES = ['draft', 'agreed', 'signed', 'ended'] as const;

export const ZSignatory = z.object({
  party: z.enum(['commune', 'police', 'lpr']), ags: ZAgs.optional(),
  name: ZText(200).default(''), office: ZText(200).default(''),
});
export const ZAgreementInput = z.object({
  kind: z.enum(AGREEMENT_KINDS),
  title: ZText(300).default(''),
  subjectAgs: ZAgs.nullable().default(null),
  groupId: z.uuid().nullable().default(null),
  policeDirectorateId: ZString.max(40).nullable().default(null),
  policeUnit: ZText(200).nullable().default(null),
  signatories: z.array(ZSignatory).max(60).default([]),
  modules: z.array(z.enum(AGREEMENT_MODULES)).max(6).default([]),
  topics: z.array(ZString.max(40)).max(30).default([]),
  goals: z.array(ZText(2000)).max(50).default([]),
  measures: z.array(ZText(2000)).max(50).default([]),
  sections: z.array(ZSection).max(30).optional(),
  signedPlace: ZText(200).default(''),
});
export const ZAgreementUpdate = ZAgreementInput.omit({ kind: true, subjectAgs: true, groupId: true }).extend({ version: ZVersion });
export const ZAgreementTransition = z.object({
  action: z.enum(['agree', 'reopen', 'sign', 'end']),
  version: ZVersion,
  signedOn: ZDate.optional(),
  endedOn: ZDate.optional(),
  endReason: ZText(2000).optional(),
});

const ZParty = z.object({ party: z.enum(['commune', 'police', 'lpr']), ags: z.string().nullable(), label: z.string(), signatoryName: z.string(), signatoryOffice: z.string() });
/** An agreement as stored, audited and snapshotted at each signing. */
export const ZAgreementRecord = z.object({
  id: z.string(), kind: z.enum(AGREEMENT_KINDS), kindLabel: z.string(), title: z.string(), state: z.enum(AGREEMENT_STATES), stateLabel: z.string(),
  subjectAgs: z.string().nullable(), group: z.object({ id: z.string(), name: z.string() }).nullable(),
  communes: z.array(ZCommuneRef.extend({ districtAgs: z.string() })),
  policeDirectorate: z.object({ id: z.string(), name: z.string() }), policeUnit: z.string().nullable(),
  parties: z.array(ZParty), signatories: z.array(ZSignatory),
  modules: z.array(z.string()), topics: z.array(ZFieldOfActionRef),
  goals: z.array(z.string()), measures: z.array(z.string()), sections: z.array(ZSection),
  signedOn: z.string().nullable(), signedPlace: z.string(), inForceSince: z.string().nullable(), endedOn: z.string().nullable(), endReason: z.string(),
  revision: z.number().int(), revisions: z.array(z.object({ revision: z.number().int(), signedOn: z.string(), hasScan: z.boolean() })),
  scan: z.object({ revision: z.number().int(), name: z.string(), size: z.number().int(), uploadedAt: z.string() }).nullable(),
  version: z.number().int(), updatedAt: z.string(),
});
/** An agreement as a viewer gets it: with what they may do with it (`alliance.agreement.*`). */
export const ZAgreement = ZAgreementRecord.extend({ can: z.object({ read: z.boolean(), manage: z.boolean() }) });
export const ZAgreementList = ZPage(ZAgreement);
export const AGREEMENT_SORTS = ['updatedAt', 'title', 'commune'] as const;
/** `q`: the title, or a commune's name or AGS; newest change first by default. */
export const ZAgreementListQuery = ZListQuery(AGREEMENT_SORTS, { sort: 'updatedAt', dir: 'desc' }, {
  ags: ZAgs.optional(), state: z.enum(AGREEMENT_STATES).optional(), kind: z.enum(AGREEMENT_KINDS).optional(),
});
export const ZRevisionParams = z.object({ id: z.uuid(), revision: ZIntParam(1) });
export const ZDocumentQuery = z.object({ format: z.enum(['docx', 'pdf']), revision: ZIntParam(1).optional() });
export const ZScanQuery = z.object({ revision: ZIntParam(1).optional() });
export const ZAgreementDocument = z.any().describe('Die Vereinbarung als Word-Datei (DOCX) oder PDF, zum Herunterladen');
export const ZAgreementScan = z.any().describe('Der Scan der unterzeichneten Vereinbarung (application/pdf), zum Herunterladen');

/** What the public sees of a signed agreement (its latest signed revision). */
export const ZPublicAgreement = z.object({
  id: z.string(), kind: z.enum(AGREEMENT_KINDS), kindLabel: z.string(), title: z.string(), signedOn: z.string(), endedOn: z.string().nullable(),
  parties: z.array(z.object({ party: z.string(), label: z.string() })), communes: z.array(ZCommuneRef), modules: z.array(z.string()),
});
export const ZPublicAgreementList = z.object({ items: z.array(ZPublicAgreement) });

export type TSignatory = z.infer<typeof ZSignatory>;
export type TAgreementInput = z.infer<typeof ZAgreementInput>;
export type TAgreementUpdate = z.infer<typeof ZAgreementUpdate>;
export type TAgreementTransition = z.infer<typeof ZAgreementTransition>;
export type TAgreementRecord = z.infer<typeof ZAgreementRecord>;
export type TAgreement = z.infer<typeof ZAgreement>;
export type TAgreementList = z.infer<typeof ZAgreementList>;
export type TAgreementListQuery = z.infer<typeof ZAgreementListQuery>;
export type TPublicAgreement = z.infer<typeof ZPublicAgreement>;
export type TPublicAgreementList = z.infer<typeof ZPublicAgreementList>;
