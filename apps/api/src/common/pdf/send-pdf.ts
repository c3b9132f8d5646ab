import type { FastifyReply } from 'fastify';

/** Sends a PDF inline, never sniffed and never cached by shared caches (documents hold personal data). */
export function sendPdf(reply: FastifyReply, data: Buffer, filename: string): void {
  reply
    .header('Content-Type', 'application/pdf')
    .header('Content-Disposition', `inline; filename="${filename}"`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-cache')
    .send(data);
}
