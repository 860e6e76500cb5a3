/**
 * Charts for documents, rendered on the server as SVG with ECharts (no browser, no canvas). Modules' reports
 * follow every chart with a table of the same values, so the SVG is never the only way to read them.
 */
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts/core';

export type ChartOption = Echarts.EChartsCoreOption;

let loaded: typeof Echarts | undefined;
/**
 * ECharts is loaded with the first chart, not at every server start (its ES modules are some 600 files): its
 * CommonJS bundle, synchronously, so that rendering stays a plain function.
 */
const echarts = () => (loaded ??= createRequire(import.meta.url)('echarts') as typeof Echarts);

/** The documents' text colour and the platform's blue. */
export const CHART_TEXT = '#1b1b1b';
export const CHART_BLUE = '#0b4f8a';
/** "12 %" with a no-break space, as in the tables. */
export const percentLabel = (v: number) => `${Math.round(v * 100)}\u00a0%`;

/** One chart as an SVG string in the documents' font and colours, German number formats. */
export function renderChartSvg(option: ChartOption, width: number, height: number): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height, locale: 'DE' });
  chart.setOption({ animation: false, textStyle: { fontFamily: 'Roboto, Arial, sans-serif', color: CHART_TEXT }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
