import type { FastifyReply } from 'fastify';

export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  sps: 'text/plain; charset=utf-8',
} as const;

/** A Content-Disposition whose name keeps its umlauts for browsers (RFC 6266/5987), with an ASCII fallback. */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment') {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\/]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends a file download (see contentDisposition). */
export function sendDownload(reply: FastifyReply, fileName: string, type: keyof typeof MIME, data: Buffer, inline = false) {
  return reply.header('content-type', MIME[type]).header('content-disposition', contentDisposition(fileName, inline ? 'inline' : 'attachment')).send(data);
}

/** A file name made from free text: letters, digits, dashes. */
export const fileSlug = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
