import { describe, expect, it } from 'vitest';
import { checkPdf, inspectPdf, PDF_INLINE_BYTES } from './pdf-check.js';
import { renderPdf } from '../documents/pdf.js';
import { buildPdf, PAGE_OBJECTS } from '../../../test/support/files.js';

const withCatalog = (catalog: string, ...more: string[]) => [catalog, ...PAGE_OBJECTS.slice(1), ...more];

describe('PDF structure check', () => {
  it('accepts real PDFs: pdfmake output, a cross-reference table, a compressed cross-reference stream with object streams, an incremental update', async () => {
    const rendered = await renderPdf({ content: ['Kooperationsvereinbarung', { text: 'Seite 2', pageBreak: 'before' }] });
    expect(inspectPdf(rendered)).toMatchObject({ ok: true, pages: 2 });
    expect(inspectPdf(buildPdf())).toMatchObject({ ok: true, pages: 1, version: '1.7' });
    expect(inspectPdf(buildPdf({ xref: 'stream', packed: [1, 2, 3] }))).toMatchObject({ ok: true, pages: 1 });
    expect(inspectPdf(buildPdf({ xref: 'stream', packed: [2, 3], predictor: true }))).toMatchObject({ ok: true, pages: 1 });
    expect(inspectPdf(buildPdf({ update: { 3: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R >>' } }))).toMatchObject({ ok: true });
  });

  it('refuses what only starts like a PDF: HTML or scripts behind the header, no trailer, a wrong startxref, a truncated file', () => {
    const html = inspectPdf(Buffer.from('%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>'));
    expect(html).toMatchObject({ ok: false, reason: 'html' });
    expect(inspectPdf(buildPdf({ afterHeader: '<script>fetch("/api/admin")</script>\n' }))).toMatchObject({ ok: false, reason: 'html' });
    expect(inspectPdf(Buffer.from('<html>%PDF-1.4</html>'))).toMatchObject({ ok: false, reason: 'not_pdf' });
    const noEof = inspectPdf(Buffer.from('%PDF-1.4\n% scan\n'));
    expect(noEof).toMatchObject({ ok: false, reason: 'broken' });
    expect(!noEof.ok && noEof.detail).toContain('%%EOF');
    const good = buildPdf().toString('latin1');
    expect(inspectPdf(Buffer.from(good.replace(/startxref\n\d+/, 'startxref\n12'), 'latin1'))).toMatchObject({ ok: false, reason: 'broken' });
    expect(inspectPdf(Buffer.from(good.slice(0, good.length / 2), 'latin1'))).toMatchObject({ ok: false, reason: 'broken' });
    expect(inspectPdf(buildPdf({ objects: ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'] }))).toMatchObject({ ok: false, reason: 'broken' });
  });

  it('refuses JavaScript, launch actions and embedded files, also hidden in object streams or behind #-escapes', () => {
    const js = '<< /S /JavaScript /JS (app.alert\\(1\\)) >>';
    const cases = [
      buildPdf({ objects: withCatalog('<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>', js) }),
      buildPdf({ objects: withCatalog('<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>', js), xref: 'stream', packed: [1, 5] }),
      buildPdf({ objects: withCatalog('<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /J#61vaScript /J#53 (x) >> >>') }),
      buildPdf({ objects: withCatalog('<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>') }),
      buildPdf({ objects: withCatalog('<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 5 0 R >> >>', '<< /Names [] >>') }),
      buildPdf({ update: { 1: '<< /Type /Catalog /Pages 2 0 R /AA << /O << /S /JavaScript /JS (x) >> >> >>' } }),
    ];
    for (const pdf of cases) expect(inspectPdf(pdf)).toMatchObject({ ok: false, reason: 'active' });
  });

  it('checks larger files in a worker thread, with the same verdicts', async () => {
    const image = 'x'.repeat(PDF_INLINE_BYTES + 1);
    const big = (catalog: string) => buildPdf({ objects: withCatalog(catalog, `<< /Length ${image.length} >>\nstream\n${image}\nendstream`, '<< /S /Launch /F (cmd.exe) >>') });
    expect(await checkPdf(big('<< /Type /Catalog /Pages 2 0 R /Extra 5 0 R >>'))).toMatchObject({ ok: false, reason: 'active' });
    const clean = buildPdf({ objects: withCatalog('<< /Type /Catalog /Pages 2 0 R /Extra 5 0 R >>', `<< /Length ${image.length} >>\nstream\n${image}\nendstream`) });
    expect(clean.length).toBeGreaterThan(PDF_INLINE_BYTES);
    expect(await checkPdf(clean)).toMatchObject({ ok: true, pages: 1 });
  });

  it('refuses encrypted PDFs (their object streams cannot be checked)', () => {
    expect(inspectPdf(buildPdf({ trailerExtra: '/Encrypt << /Filter /Standard /V 2 >>' }))).toMatchObject({ ok: false, reason: 'encrypted' });
  });
});
