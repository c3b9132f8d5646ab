import type { TestApp } from './test-app';

/** The text of a PDF, read back with pdfjs-dist (legacy build, ESM: loaded dynamically; no worker in Node). */
export async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  const pages = doc.numPages;
  await task.destroy();
  return { text: parts.join('\n'), pages };
}

type Parser = Extract<Parameters<ReturnType<TestApp['http']['get']>['parse']>[0], (res: never, done: never) => void>;

/** A supertest parser that keeps a binary body as a Buffer (the response is a Node stream underneath). */
export const binary: Parser = (res, done) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};
