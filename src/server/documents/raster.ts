/**
 * SVG to PNG on the server (resvg, a Rust renderer shipped as a prebuilt binary in its npm package), with
 * the same Roboto fonts as the PDFs. Used where a format needs a bitmap: DOCX charts carry the SVG and
 * this PNG for viewers without SVG support.
 */
import { Resvg } from '@resvg/resvg-js';
import { join } from 'node:path';
import { fontDir } from './pdf.js';

const fontFiles = ['Roboto-Regular.ttf', 'Roboto-Medium.ttf', 'Roboto-Italic.ttf'].map((f) => join(fontDir, f));

export function svgToPng(svg: string, widthPx: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    background: 'white',
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'Roboto', sansSerifFamily: 'Roboto' },
  });
  return resvg.render().asPng();
}
