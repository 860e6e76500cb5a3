import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, loginAs, multipart, roleCaller, type Session, type TestApp } from '../../../../test/helpers.js';
import { newProject, registerCsv } from './factories.js';
import { png as pngOf, zlibZeros } from '../../../../test/support/files.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
let analyst: Session;
let projectId = '';
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_staff', 'analyst', 'commune']);
  analyst = await loginAs(t.app, 'lpr_staff');
  projectId = await newProject(t, analyst);
});
afterAll(async () => { await t?.close(); });

const upload = (url: string, fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) => {
  const m = multipart(fields, file);
  return t.app.inject({ method: 'POST', url, headers: { ...analyst.headers, ...m.headers }, payload: m.payload });
};
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

describe('register sample and letters', () => {
  it('answers a missing field at once, while the client is still sending the file, and closes the connection', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const b = 'XBOUNDARYX';
    // "size" is missing (a field after the file would be too late as well).
    const head = Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="strataBy"\r\n\r\ndistrict\r\n--${b}\r\nContent-Disposition: form-data; name="allocation"\r\n\r\nfixed\r\n`
      + `--${b}\r\nContent-Disposition: form-data; name="file"; filename="melderegister.csv"\r\nContent-Type: text/csv\r\n\r\n`);
    const fileBytes = 5 * 1024 * 1024;
    const tail = Buffer.from(`\r\n--${b}--\r\n`);
    const events: string[] = [];
    const answer = await new Promise<{ status: number; connection?: string; body: string; sent: number }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: `/api/analyses/${projectId}/sample`,
        headers: { ...analyst.headers, 'content-type': `multipart/form-data; boundary=${b}`, 'content-length': head.length + fileBytes + tail.length } });
      let sent = 0;
      req.on('error', () => events.push('client write failed'));
      req.on('response', (res) => {
        events.push('response');
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => { body += c; });
        res.on('end', () => events.push('response complete'));
        req.socket!.on('close', () => {
          events.push('connection closed by the server');
          resolve({ status: res.statusCode!, connection: res.headers.connection, body, sent });
        });
      });
      req.on('close', () => { if (!events.includes('response')) reject(new Error(`closed without an answer: ${events.join(', ')}`)); });
      // The client sends a fifth of the file and then waits: the rest of the upload never comes.
      req.write(head);
      const part = Buffer.alloc(64 * 1024, 'x');
      while (sent < fileBytes / 5) { req.write(part); sent += part.length; }
      events.push('part of the file sent');
    });
    expect(events.slice(0, 4)).toEqual(['part of the file sent', 'response', 'response complete', 'connection closed by the server']);
    expect(answer.sent).toBeLessThan(fileBytes);
    expect(answer.status).toBe(400);
    expect(answer.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'validation_failed', field: 'size' });
    expect(JSON.parse(answer.body).detail).toMatch(/^Umfang der Stichprobe: /);
  });

  it('rejects a malformed register whole, listing the bad lines, and stores nothing', async () => {
    const bad = registerCsv(50, ['Kaputt;Karl;Weg;1;834;Schwarzenberg;Heide;1970;m;Herr', 'Ohne;Jahr;Weg;2;08340;Schwarzenberg;Heide;;w;Frau']);
    const res = await upload(`/api/analyses/${projectId}/sample`, { strataBy: 'district_age_sex', allocation: 'proportional', size: '20' }, { name: 'melderegister.csv', type: 'text/csv', data: bad });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('register_invalid');
    expect(res.json().errors.map((e: { line: number }) => e.line)).toEqual([52, 53]);
    expect(res.json().errors[0].message).toContain('Postleitzahl');
    expect((await call('lpr_staff', 'GET', `/api/analyses/${projectId}/sample`)).json()).toBeNull();
  });

  it('draws a proportional stratified sample from a Latin-1 file and keeps only the strata counts and the drawn persons', async () => {
    const res = await upload(`/api/analyses/${projectId}/sample`, { strataBy: 'district_age_sex', allocation: 'proportional', size: '120', seed: '20260907' }, { name: 'melderegister.csv', type: 'text/csv', data: registerCsv(1000) });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({ encoding: 'latin-1', seed: 20260907, requestedSize: 120, personsStored: 120 });
    expect(s.personsRead + s.under16).toBe(1000);
    expect(s.strata.reduce((a: number, x: { population: number }) => a + x.population, 0)).toBe(s.personsRead);
    expect(s.strata.reduce((a: number, x: { sampleSize: number }) => a + x.sampleSize, 0)).toBe(120);
    expect(s.strata[0]).toMatchObject({ key: 'Altstadt|16-24|w', district: 'Altstadt', ageGroup: '16-24', sex: 'w' });
    const project = (await call('lpr_staff', 'GET', `/api/analyses/${projectId}`)).json();
    expect(project.districts).toEqual(['Altstadt', 'Bermsgrün', 'Heide', 'Sonnenleithe']);
    expect(project.tasks[0].doneOn).not.toBeNull();
    const stored = await t.database.db.execute(sql`select count(*)::int as n from sample_persons where project_id = ${projectId}`) as unknown as { rows: { n: number }[] };
    expect(stored.rows[0]!.n).toBe(120);
    // A large extract (over 1 MB) is read in a worker thread; its problems come back the same way.
    const tooBig = await upload(`/api/analyses/${projectId}/sample`, { strataBy: 'district', allocation: 'fixed', size: '25000' }, { name: 'm.csv', type: 'text/csv', data: registerCsv(20_000) });
    expect(tooBig.json()).toMatchObject({ status: 422, field: 'size' });
    expect((await call('commune', 'POST', `/api/analyses/${projectId}/sample`)).statusCode).toBe(403);
  });

  it('produces one letter page per person with code and QR, then reminders only for unused codes', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    expect((await upload(`/api/analyses/${projectId}/letter/crest`, {}, { name: 'wappen.gif', type: 'image/gif', data: Buffer.from('GIF89a') })).statusCode).toBe(415);
    const broken = Buffer.from(png);
    broken[broken.length - 20] = broken[broken.length - 20]! ^ 0xff;
    expect((await upload(`/api/analyses/${projectId}/letter/crest`, {}, { name: 'kaputt.png', type: 'image/png', data: broken })).statusCode).toBe(415);
    // Decompression bombs: 400 MB of zeros deflate to about 400 KB. Refused by the header's pixel size
    // before anything is inflated, or (header says 100 × 100) when the data inflates beyond it.
    const zeros = zlibZeros(400 * 1024 * 1024);
    expect(zeros.length).toBeLessThan(512 * 1024);
    const huge = await upload(`/api/analyses/${projectId}/letter/crest`, {}, { name: 'riesig.png', type: 'image/png', data: pngOf(20000, 20000, zeros) });
    expect(huge.json()).toMatchObject({ status: 422, code: 'image_too_large', field: 'file' });
    expect(huge.json().detail).toBe('Die Bilddatei ist zu groß (20000 × 20000 Pixel); das Wappen darf höchstens 4000 × 4000 Pixel und 16 Megapixel haben.');
    const lying = await upload(`/api/analyses/${projectId}/letter/crest`, {}, { name: 'bombe.png', type: 'image/png', data: pngOf(100, 100, zeros) });
    expect(lying.json()).toMatchObject({ status: 422, code: 'image_too_large', field: 'file' });
    expect(lying.json().detail).toMatch(/^Die Bilddatei enthält mehr Bilddaten/);
    // A JPEG's size comes from its frame header (SOF0: 5000 × 5000).
    const jpeg = Buffer.from('ffd8ffc0001108138813880301220002110103110100ffd9', 'hex');
    expect((await upload(`/api/analyses/${projectId}/letter/crest`, {}, { name: 'gross.jpg', type: 'image/jpeg', data: jpeg })).json().detail).toContain('5000 × 5000 Pixel');
    expect((await call('lpr_staff', 'GET', `/api/analyses/${projectId}/letter`)).json().hasCrest).toBe(false);
    expect((await upload(`/api/analyses/${projectId}/letter/crest`, {}, { name: 'klein.png', type: 'image/png', data: pngOf(400, 300) })).json().hasCrest).toBe(true);
    expect((await upload(`/api/analyses/${projectId}/letter/crest`, {}, { name: 'wappen.png', type: 'image/png', data: png })).json().hasCrest).toBe(true);
    const letter = (await call('lpr_staff', 'GET', `/api/analyses/${projectId}/letter`)).json();
    const edited = await call('lpr_staff', 'PUT', `/api/analyses/${projectId}/letter`, { ...letter, subject: 'Wie sicher fühlen Sie sich in Schwarzenberg?' });
    expect(edited.json().subject).toBe('Wie sicher fühlen Sie sich in Schwarzenberg?');
    const invitations = await call('lpr_staff', 'POST', `/api/analyses/${projectId}/letters`, { kind: 'invitation' });
    expect(invitations.headers['content-type']).toBe('application/pdf');
    expect(pageCount(invitations.rawPayload)).toBe(120);
    // Redrawing is closed once letters exist.
    const redraw = await upload(`/api/analyses/${projectId}/sample`, { strataBy: 'district', allocation: 'fixed', size: '50' }, { name: 'm.csv', type: 'text/csv', data: registerCsv(20_000) });
    expect(redraw.json().code).toBe('letters_produced');
    await t.database.db.execute(sql`update access_codes set used = true where code_hash in (select code_hash from access_codes where project_id = ${projectId} limit 45)`);
    const reminders = await call('lpr_staff', 'POST', `/api/analyses/${projectId}/letters`, { kind: 'reminder' });
    expect(pageCount(reminders.rawPayload)).toBe(75);
  });

  it('deletes names and addresses on request and records it in the audit log', async () => {
    const res = await call('lpr_staff', 'DELETE', `/api/analyses/${projectId}/personal-data`);
    expect(res.json()).toEqual({ personsDeleted: 120 });
    const s = (await call('lpr_staff', 'GET', `/api/analyses/${projectId}/sample`)).json();
    expect(s.personsStored).toBe(0);
    expect(s.personalDataDeletedAt).not.toBeNull();
    expect(s.strata.length).toBeGreaterThan(10);
    expect((await call('lpr_staff', 'POST', `/api/analyses/${projectId}/letters`, { kind: 'reminder' })).json().code).toBe('personal_data_deleted');
    const log = await t.app.inject({ url: '/api/admin/audit?action=survey_sample.personal_data_deleted', headers: (await loginAs(t.app, 'lpr_admin')).headers });
    expect(log.json().items[0]).toMatchObject({ actorLabel: 'referentin@lpr.demo', after: { personsDeleted: 120 } });
  });
});
