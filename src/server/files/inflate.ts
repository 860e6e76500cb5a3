import { createInflate, createInflateRaw } from 'node:zlib';

/**
 * How many bytes deflated `data` inflates to, without keeping the output; stops as soon as it exceeds
 * `limit` (the zlib thread pool does the work). `raw` for ZIP entries (no zlib header), else zlib data as
 * in PNG. Null if the data is not valid deflate.
 */
export function inflatedSize(data: Buffer, limit: number, options: { raw: boolean }): Promise<number | null> {
  return new Promise((resolve) => {
    const inflate = options.raw ? createInflateRaw() : createInflate();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) { inflate.destroy(); resolve(size); }
    });
    inflate.on('end', () => resolve(size));
    inflate.on('error', () => resolve(null));
    inflate.end(data);
  });
}
