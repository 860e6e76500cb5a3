/**
 * Report charts rendered on the server as SVG with ECharts (no browser, no canvas). Every chart in the
 * report is followed by a table of the same values, so the SVG is never the only way to read them.
 */
import type { TShareBar } from './evaluation.types.js';
import { CHART_BLUE as BLUE, CHART_TEXT as TEXT, percentLabel as percent, renderChartSvg as render } from '../../server/documents/charts.js';

/** Horizontal bars of shares (0–1) with their 95 % confidence intervals as whiskers; suppressed bars are left empty. */
export function shareBarsSvg(title: string, bars: TShareBar[], width = 640): string {
  const height = 70 + bars.length * 28;
  const labels = bars.map((b) => b.label);
  return render({
    aria: { enabled: true, label: { description: title } },
    title: { text: title, left: 0, textStyle: { fontSize: 13, fontWeight: 'bold', color: TEXT } },
    grid: { left: 190, right: 70, top: 36, bottom: 24 },
    xAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: percent, color: TEXT } },
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { color: TEXT, width: 180, overflow: 'truncate' } },
    series: [
      { type: 'bar', data: bars.map((b) => b.value), itemStyle: { color: BLUE }, barWidth: 14 },
      // Whiskers for the confidence interval, and the value just right of the upper whisker.
      // Suppressed bars (too few answers) carry −1 and are marked "–*" instead.
      { type: 'custom', data: bars.map((b, i) => [i, b.low ?? -1, b.high ?? -1, b.value ?? -1]),
        renderItem: (_params: unknown, api: { value: (i: number) => number; coord: (p: number[]) => number[] }) => {
          const y = api.coord([0, api.value(0)])[1]!;
          if (api.value(3) < 0) return { type: 'text', style: { text: '–*', x: api.coord([0, 0])[0]! + 6, y, verticalAlign: 'middle', fill: TEXT, fontSize: 11 } };
          const x1 = api.coord([api.value(1), 0])[0]!;
          const x2 = api.coord([api.value(2), 0])[0]!;
          const style = { stroke: TEXT, lineWidth: 1.2 };
          return { type: 'group', children: [
            { type: 'line', shape: { x1, y1: y, x2, y2: y }, style },
            { type: 'line', shape: { x1, y1: y - 5, x2: x1, y2: y + 5 }, style },
            { type: 'line', shape: { x1: x2, y1: y - 5, x2, y2: y + 5 }, style },
            { type: 'text', style: { text: percent(api.value(3)), x: x2 + 6, y, verticalAlign: 'middle', fill: TEXT, fontSize: 11 } },
          ] };
        }, z: 10 },
    ],
  }, width, height);
}

/**
 * Crime rate per year for commune, Kreis and Land. The title stands alone at the top and the legend below
 * the x axis (left-aligned, wrapping onto a second line if the names are long), so they never overlap.
 */
export function trendLinesSvg(title: string, years: number[], series: { name: string; values: (number | null)[] }[], width = 640): string {
  return render({
    aria: { enabled: true, label: { description: title } },
    title: { text: title, left: 0, top: 0, textStyle: { fontSize: 13, fontWeight: 'bold', color: TEXT } },
    color: [BLUE, '#0b6e4f', '#e65100'],
    legend: { left: 0, bottom: 0, width: width - 20, itemGap: 18, textStyle: { color: TEXT, fontSize: 12 } },
    grid: { left: 60, right: 20, top: 48, bottom: 62 },
    xAxis: { type: 'category', data: years.map(String), axisLabel: { color: TEXT } },
    yAxis: { type: 'value', axisLabel: { color: TEXT, formatter: (v: number) => v.toLocaleString('de-DE') } },
    series: series.map((s) => ({ name: s.name, type: 'line', data: s.values, connectNulls: false, symbolSize: 6 })),
  }, width, 300);
}
