/**
 * The Präventionsbericht's charts, rendered on the server as SVG with ECharts (as the analysis report's
 * charts.ts). Every chart is followed by a table of the same values in the documents.
 */
import type { TReportFigures } from './documents.types.js';
import { CHART_BLUE as BLUE, CHART_TEXT as TEXT, percentLabel as percent, renderChartSvg as render } from '../../server/documents/charts.js';

const GREY = '#9aa5b1';
const STATE_COLOURS: Record<string, string> = { offen: '#e65100', in_arbeit: '#f2b134', erledigt: '#0b6e4f', nicht_umgesetzt: '#6b7280' };

/** An offence label without its legal references for the axis ("Betrug §§ 263, …" → "Betrug"); the table keeps the full label. */
const shortOffence = (label: string) => label.replace(/\s*§.*$/, '').replace(/\s+und zwar:?$/, '').trim() || label;

const title = (text: string) => ({ text, left: 0, top: 0, textStyle: { fontSize: 13, fontWeight: 'bold', color: TEXT } });

/** Tracked decisions by state of implementation (one bar per state). */
export function decisionsByStateSvg(byState: TReportFigures['decisions']['byState'], width = 640): string {
  const text = 'Beschlüsse nach Stand der Umsetzung';
  return render({
    aria: { enabled: true, label: { description: text } },
    title: title(text),
    grid: { left: 50, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: byState.map((s) => s.label), axisLabel: { color: TEXT } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT } },
    series: [{ type: 'bar', barWidth: 36, data: byState.map((s) => ({ value: s.count, itemStyle: { color: STATE_COLOURS[s.state] ?? BLUE } })), label: { show: true, position: 'top', color: TEXT } }],
  }, width, 230);
}

/** Häufigkeitszahl per offence group (without all offences, which would dwarf them): this year next to the year before. */
export function crimeRatesSvg(crime: NonNullable<TReportFigures['crime']>, width = 640): string {
  const text = `Häufigkeitszahl der häufigsten Straftatengruppen: ${crime.year} und ${crime.previousYear}`;
  const rows = crime.rows;
  return render({
    aria: { enabled: true, label: { description: text } },
    title: title(text),
    color: [BLUE, GREY],
    legend: { left: 0, bottom: 0, textStyle: { color: TEXT, fontSize: 12 } },
    grid: { left: 210, right: 30, top: 36, bottom: 40 },
    xAxis: { type: 'value', axisLabel: { color: TEXT, formatter: (v: number) => v.toLocaleString('de-DE') } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => shortOffence(r.label)), axisLabel: { color: TEXT, width: 200, overflow: 'break', fontSize: 10, lineHeight: 12 } },
    series: [
      { name: String(crime.year), type: 'bar', barGap: '10%', data: rows.map((r) => r.rate) },
      { name: String(crime.previousYear), type: 'bar', data: rows.map((r) => r.previousRate) },
    ],
  }, width, 90 + rows.length * 40);
}

/** The share of the body's members present, per meeting held. */
export function attendanceSvg(perMeeting: TReportFigures['meetings']['perMeeting'], width = 640): string {
  const text = 'Anteil anwesender Mitglieder je Sitzung';
  const label = (m: (typeof perMeeting)[number]) => `${m.date.slice(8, 10)}.${m.date.slice(5, 7)}. ${m.body}`;
  return render({
    aria: { enabled: true, label: { description: text } },
    title: title(text),
    grid: { left: 210, right: 50, top: 36, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { color: TEXT, formatter: percent } },
    yAxis: { type: 'category', inverse: true, data: perMeeting.map(label), axisLabel: { color: TEXT, width: 200, overflow: 'truncate' } },
    series: [{ type: 'bar', barWidth: 14, itemStyle: { color: BLUE }, data: perMeeting.map((m) => m.rate), label: { show: true, position: 'right', color: TEXT, formatter: (p: { value: number | null }) => (p.value === null ? '–' : percent(p.value)) } }],
  }, width, 70 + perMeeting.length * 26);
}
