import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { unprocessable } from '../../server/http/problem.js';
import { sheetRows, toCsv } from '../../lib/csv.js';
import type { AnalysisRow } from './policy.js';
import { surveyResponses } from './schema.js';
import { latestFrozenQuestionnaire } from './survey-state.js';
import type { TExportFormat } from './surveys.types.js';
import { FEAR_PLACE_REASONS, FEAR_PLACE_TIMES, MAX_FEAR_PLACES, type ScaleValue } from './standard-items.js';
import type { Definition } from './questionnaire-definition.js';

interface Variable { name: string; label: string; values: ScaleValue[]; missing: number[]; type: 'numeric' | 'string'; get: (a: Record<string, unknown>) => unknown }

/** One column per variable: matrix rows and multiple-choice options get their own, places five blocks. */
function variablesOf(d: Definition): Variable[] {
  const out: Variable[] = [];
  for (const q of d.pages.flatMap((p) => p.questions)) {
    const c = q.content;
    const values = [...c.scale, ...(c.notApplicable ? [c.notApplicable] : [])];
    const missing = c.notApplicable ? [c.notApplicable.value] : [];
    switch (c.kind) {
      case 'single':
        out.push({ name: q.code, label: c.wording.de, values, missing, type: 'numeric', get: (a) => a[q.code] });
        break;
      case 'matrix':
        for (const r of c.rows) out.push({ name: r.code, label: `${c.wording.de} – ${r.label.de}`, values, missing, type: 'numeric', get: (a) => (a[q.code] as Record<string, unknown> | undefined)?.[r.code] });
        break;
      case 'multi':
        for (const s of c.scale) {
          out.push({ name: `${q.code}_${s.value}`, label: `${c.wording.de} – ${s.label.de}`, values: [{ value: 0, label: { de: 'nicht genannt', en: 'not chosen' } }, { value: 1, label: { de: 'genannt', en: 'chosen' } }], missing: [], type: 'numeric',
            get: (a) => (Array.isArray(a[q.code]) ? ((a[q.code] as number[]).includes(s.value) ? 1 : 0) : undefined) });
        }
        break;
      case 'text':
        out.push({ name: q.code, label: c.wording.de, values: [], missing: [], type: 'string', get: (a) => a[q.code] });
        break;
      case 'district':
        out.push({ name: q.code, label: c.wording.de, values: d.districts.map((name, i) => ({ value: i + 1, label: { de: name, en: name } })), missing: [], type: 'numeric', get: (a) => a[q.code] });
        break;
      case 'fearplaces':
        out.push({ name: `${q.code}_n`, label: `${c.wording.de} – Anzahl markierter Orte`, values: [], missing: [], type: 'numeric', get: (a) => (Array.isArray(a[q.code]) ? (a[q.code] as unknown[]).length : undefined) });
        for (let i = 1; i <= MAX_FEAR_PLACES; i++) {
          const place = (a: Record<string, unknown>) => (a[q.code] as Record<string, unknown>[] | undefined)?.[i - 1];
          out.push({ name: `${q.code}_${i}_lat`, label: `Ort ${i}: Breitengrad`, values: [], missing: [], type: 'numeric', get: (a) => place(a)?.lat });
          out.push({ name: `${q.code}_${i}_lon`, label: `Ort ${i}: Längengrad`, values: [], missing: [], type: 'numeric', get: (a) => place(a)?.lon });
          out.push({ name: `${q.code}_${i}_grund`, label: `Ort ${i}: Grund`, values: FEAR_PLACE_REASONS, missing: [], type: 'numeric', get: (a) => place(a)?.reason });
          out.push({ name: `${q.code}_${i}_zeit`, label: `Ort ${i}: Tageszeit`, values: FEAR_PLACE_TIMES, missing: [], type: 'numeric', get: (a) => place(a)?.time });
          out.push({ name: `${q.code}_${i}_text`, label: `Ort ${i}: Beschreibung`, values: [], missing: [], type: 'string', get: (a) => place(a)?.note });
        }
        break;
    }
  }
  return out;
}

const FIXED: Variable[] = [
  { name: 'lfd', label: 'Laufende Nummer (ohne Bezug zu Person oder Code)', values: [], missing: [], type: 'numeric', get: () => undefined },
  { name: 'modus', label: 'Erhebungsweg', values: [{ value: 1, label: { de: 'online', en: 'online' } }, { value: 2, label: { de: 'Papier', en: 'paper' } }], missing: [], type: 'numeric', get: () => undefined },
  { name: 'datum', label: 'Eingangsdatum', values: [], missing: [], type: 'string', get: () => undefined },
  { name: 'fassung', label: 'Fassung des Fragebogens', values: [], missing: [], type: 'numeric', get: () => undefined },
];

async function load(db: Db, project: AnalysisRow) {
  const q = await latestFrozenQuestionnaire(db, project.id);
  if (!q) throw unprocessable('not_in_field', 'Es gibt noch keinen festgeschriebenen Fragebogen und damit keine Antworten.');
  const variables = variablesOf(q.definition as Definition);
  // Random order of rows by id, so the file order does not reveal the order of arrival either.
  const stored = await db.select().from(surveyResponses).where(eq(surveyResponses.projectId, project.id)).orderBy(asc(surveyResponses.id));
  // Below k mixed answers the export is empty, like the findings (docs/anonymity.md).
  const responses = stored.length >= project.mixThreshold ? stored : [];
  const rows = responses.map((r, i) => {
    const row: Record<string, unknown> = { lfd: i + 1, modus: r.mode === 'paper' ? 2 : 1, datum: r.submittedOn, fassung: r.questionnaireRevision };
    for (const v of variables) row[v.name] = v.get(r.answers) ?? '';
    return row;
  });
  return { variables: [...FIXED, ...variables], rows };
}

const valueLabels = (v: Variable) => v.values.map((x) => `${x.value}=${x.label.de}`).join('; ');

function spssSyntax(variables: Variable[], csvName: string) {
  const q = (s: string) => `"${s.replaceAll('"', "''")}"`;
  const lines = [
    '* SPSS-Syntax zur ASSKomm-Bürgerbefragung: liest die CSV-Datei (UTF-8, Semikolon) und setzt die Beschriftungen.',
    'SET UNICODE=ON.',
    `GET DATA /TYPE=TXT /FILE=${q(csvName)} /ENCODING='UTF8' /DELIMITERS=";" /QUALIFIER='"' /ARRANGEMENT=DELIMITED /FIRSTCASE=2`,
    `  /VARIABLES=${variables.map((v) => `${v.name} ${v.type === 'string' ? 'A2000' : 'F8.4'}`).join('\n    ')}.`,
    'VARIABLE LABELS',
    ...variables.map((v, i) => `  ${v.name} ${q(v.label)}${i === variables.length - 1 ? '.' : ''}`),
  ];
  const labelled = variables.filter((v) => v.values.length);
  if (labelled.length) {
    lines.push('VALUE LABELS');
    labelled.forEach((v, i) => lines.push(`  /${v.name} ${v.values.map((x) => `${x.value} ${q(x.label.de)}`).join(' ')}${i === labelled.length - 1 ? '.' : ''}`));
  }
  const withMissing = variables.filter((v) => v.missing.length);
  if (withMissing.length) lines.push(`MISSING VALUES ${withMissing.map((v) => `${v.name} (${v.missing.join(', ')})`).join(' ')}.`);
  lines.push('EXECUTE.');
  return `${lines.join('\n')}\n`;
}

/** Responses as CSV or XLSX (with a codebook sheet), the codebook alone (CSV) or SPSS syntax. */
export async function exportResponses(db: Db, project: AnalysisRow, format: TExportFormat): Promise<{ data: Buffer; name: string; type: 'csv' | 'xlsx' | 'sps' }> {
  const { variables, rows } = await load(db, project);
  const base = `${project.code}-antworten`;
  const codebook = variables.map((v) => ({ Variable: v.name, Beschriftung: v.label, Typ: v.type === 'string' ? 'Text' : 'Zahl', Wertelabels: valueLabels(v), 'Fehlende Werte': v.missing.join(', ') }));
  if (format === 'csv') {
    const csv = toCsv(rows, ';', variables.map((v) => v.name));
    return { data: Buffer.from(`\uFEFF${csv}`), name: `${base}.csv`, type: 'csv' };
  }
  if (format === 'codebook') return { data: Buffer.from(`\uFEFF${toCsv(codebook, ';')}`), name: `${project.code}-codebuch.csv`, type: 'csv' };
  if (format === 'sps') return { data: Buffer.from(spssSyntax(variables, `${base}.csv`)), name: `${project.code}-labels.sps`, type: 'sps' };
  const { default: ExcelJS } = await import('exceljs'); // on first use, not at every server start
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ASSKomm-Plattform';
  const ws = wb.addWorksheet('Antworten');
  ws.columns = variables.map((v) => ({ header: v.name, key: v.name, width: Math.max(8, v.name.length + 2) }));
  ws.addRows(sheetRows(rows));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const cb = wb.addWorksheet('Codebuch');
  cb.columns = Object.keys(codebook[0]!).map((k) => ({ header: k, key: k, width: k === 'Beschriftung' || k === 'Wertelabels' ? 60 : 14 }));
  cb.addRows(codebook);
  cb.getRow(1).font = { bold: true };
  return { data: Buffer.from(await wb.xlsx.writeBuffer()), name: `${base}.xlsx`, type: 'xlsx' };
}
