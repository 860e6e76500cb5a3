import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { localFileStorage, s3FileStorage, signS3Request } from './storage.js';

describe('file storage', () => {
  it('stores, reads and removes files in a local directory and refuses keys that escape it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'files-'));
    const s = localFileStorage(dir);
    await s.put('agreements/a/scan-1.pdf', Buffer.from('%PDF-1.4'), 'application/pdf');
    expect((await s.get('agreements/a/scan-1.pdf')).toString()).toBe('%PDF-1.4');
    await s.remove('agreements/a/scan-1.pdf');
    await expect(s.get('agreements/a/scan-1.pdf')).rejects.toThrow();
    await expect(s.put('../escape.txt', Buffer.from('x'), 'text/plain')).rejects.toThrow(/unsafe/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the keys of a local directory, skipping names that are not file keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'files-'));
    const s = localFileStorage(dir);
    await s.put('reports/a/v1.pdf', Buffer.from('1'), 'application/pdf');
    await s.put('crime/x.csv', Buffer.from('2'), 'text/csv');
    writeFileSync(join(dir, '.DS_Store'), '');
    const keys: string[] = [];
    for await (const k of s.list!()) keys.push(k);
    expect(keys.sort()).toEqual(['crime/x.csv', 'reports/a/v1.pdf']);
    const none: string[] = [];
    for await (const k of localFileStorage(join(dir, 'missing')).list!()) none.push(k);
    expect(none).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the keys of an S3 bucket page by page (ListObjectsV2)', async () => {
    const keys = [...Array.from({ length: 4 }, (_, i) => `reports/r${i}/v-1.pdf`), 'not a key & skipped'];
    const queries: string[] = [];
    const server = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      queries.push(`${url.pathname}?${url.search.slice(1)} ${req.headers.authorization?.slice(0, 16)}`);
      const from = Number(url.searchParams.get('continuation-token') ?? 0);
      const page = keys.slice(from, from + 2);
      const more = from + 2 < keys.length;
      res.end(`<?xml version="1.0"?><ListBucketResult>${page.map((k) => `<Contents><Key>${k.replace('&', '&amp;')}</Key></Contents>`).join('')}`
        + `<IsTruncated>${more}</IsTruncated>${more ? `<NextContinuationToken>${from + 2}</NextContinuationToken>` : ''}</ListBucketResult>`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const s = s3FileStorage({ endpoint: `http://127.0.0.1:${port}`, bucket: 'asskomm', region: 'eu-central-1', accessKeyId: 'k', secretAccessKey: 's' });
    const listed: string[] = [];
    for await (const k of s.list!()) listed.push(k);
    expect(listed).toEqual(keys.slice(0, 4));
    expect(queries).toEqual(['/asskomm?list-type=2 AWS4-HMAC-SHA256', '/asskomm?continuation-token=2&list-type=2 AWS4-HMAC-SHA256', '/asskomm?continuation-token=4&list-type=2 AWS4-HMAC-SHA256']);
    server.close();
  });

  it('signs S3 requests exactly like the example in the AWS documentation', () => {
    const headers = signS3Request({ region: 'us-east-1', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      { method: 'GET', host: 'examplebucket.s3.amazonaws.com', path: '/test.txt', headers: { Range: 'bytes=0-9' }, amzDate: '20130524T000000Z' });
    expect(headers.authorization).toBe('AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,'
      + 'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('puts and gets objects on an S3-compatible server with path-style URLs', async () => {
    const objects = new Map<string, Buffer>();
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization?.slice(0, 16)}`);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method === 'PUT') { objects.set(req.url!, Buffer.concat(chunks)); res.end(); }
        else if (req.method === 'GET' && objects.has(req.url!)) res.end(objects.get(req.url!));
        else if (req.method === 'DELETE') { objects.delete(req.url!); res.statusCode = 204; res.end(); }
        else { res.statusCode = 404; res.end('NoSuchKey'); }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const s = s3FileStorage({ endpoint: `http://127.0.0.1:${port}`, bucket: 'asskomm', region: 'eu-central-1', accessKeyId: 'k', secretAccessKey: 's' });
    await s.put('agreements/x/scan-1.pdf', Buffer.from('%PDF-1.7 test'), 'application/pdf');
    expect((await s.get('agreements/x/scan-1.pdf')).toString()).toBe('%PDF-1.7 test');
    await s.remove('agreements/x/scan-1.pdf');
    await expect(s.get('agreements/x/scan-1.pdf')).rejects.toThrow(/404/);
    expect(seen[0]).toBe('PUT /asskomm/agreements/x/scan-1.pdf AWS4-HMAC-SHA256');
    server.close();
  });
});
