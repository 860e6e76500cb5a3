import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart as ELine } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { formatNumber } from '../api.js';
import { useCommonText } from './text.js';

echarts.use([ELine, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);
const COLORS = ['#0b4f8a', '#0b6e4f', '#e65100', '#6a1b9a', '#c2185b', '#1565c0', '#4a4f55'];

/**
 * A line chart (SVG): steps for running totals, or points joined by lines (`variant="line"`) for yearly
 * values. Always pair it with a table of the same values (WCAG 1.1.1). The legend is an HTML list above the
 * chart, so it wraps on narrow screens instead of being cut.
 */
export function LineChart({ categories, series, label, wideAxis = false, variant = 'step' }: { categories: string[]; series: { name: string; values: number[] }[]; label: string; wideAxis?: boolean; variant?: 'step' | 'line' }) {
  const ref = useRef<HTMLDivElement>(null);
  const { locale } = useCommonText();
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg', locale: locale === 'en' ? 'EN' : 'DE' });
    chart.setOption({
      aria: { enabled: true, label: { description: label } },
      animation: false,
      color: COLORS,
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumber(v, locale) },
      grid: { left: wideAxis ? 90 : 50, right: 20, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: categories, axisLabel: { color: '#1b1b1b' } },
      yAxis: { type: 'value', axisLabel: { color: '#1b1b1b', formatter: (v: number) => formatNumber(v, locale) } },
      series: series.map((s) => (variant === 'step'
        ? { name: s.name, type: 'line', step: 'end', showSymbol: false, data: s.values }
        : { name: s.name, type: 'line', showSymbol: true, symbolSize: 8, data: s.values.map((v) => (Number.isNaN(v) ? null : v)) })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); chart.dispose(); };
  }, [categories, series, label, wideAxis, locale, variant]);
  return (
    <div className="line-chart">
      <ul className="chart-legend">
        {series.map((s, i) => <li key={s.name}><span className="legend-line" aria-hidden="true" style={{ background: COLORS[i % COLORS.length] }} />{s.name}</li>)}
      </ul>
      <div ref={ref} className="chart" role="img" aria-label={label} />
    </div>
  );
}
