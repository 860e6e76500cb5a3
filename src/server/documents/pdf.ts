/** PDF rendering with pdfmake and its bundled Roboto fonts; documents never load anything else. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);
export const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

type PdfMake = typeof import('pdfmake');
let loading: Promise<PdfMake> | undefined;
/** pdfmake is loaded with the first document, not at every server start (it is a large package). */
function loadPdfmake(): Promise<PdfMake> {
  return (loading ??= import('pdfmake').then(({ default: pdfmake }) => {
    pdfmake.addFonts({
      Roboto: {
        normal: join(fontDir, 'Roboto-Regular.ttf'), bold: join(fontDir, 'Roboto-Medium.ttf'),
        italics: join(fontDir, 'Roboto-Italic.ttf'), bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
      },
    });
    // Documents never load anything from the network or disk beyond the fonts above.
    pdfmake.setUrlAccessPolicy(() => false);
    (pdfmake as unknown as { setLocalAccessPolicy(f: (path: string) => boolean): void }).setLocalAccessPolicy((path) => path.startsWith(fontDir));
    return pdfmake;
  }));
}

/** Renders a pdfmake document definition to a PDF buffer. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = await loadPdfmake();
  return pdfmake.createPdf({ defaultStyle: { font: 'Roboto', fontSize: 10.5, lineHeight: 1.25 }, ...definition }).getBuffer();
}
