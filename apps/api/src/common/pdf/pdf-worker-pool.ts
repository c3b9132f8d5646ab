import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/** Font files by family and style (paths), as pdf-render.cjs takes them. */
export type FontFiles = Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>;

/** The renderer module; a worker thread runs it as its entry point. */
const RENDERER = join(__dirname, 'pdf-render.cjs');

/** PDF_WORKERS when unset: one worker per core, at most two (the API shares its cores with PostgreSQL). */
export function defaultPdfWorkers(): number {
  return Math.min(2, availableParallelism());
}

/** The renderer on the calling thread (PDF_WORKERS=0). */
export function renderOnThisThread(fonts: FontFiles): (definition: TDocumentDefinitions) => Promise<Buffer> {
  const { createRenderer } = require(RENDERER) as { createRenderer: (fonts: FontFiles) => (definition: TDocumentDefinitions) => Promise<Buffer> };
  return createRenderer(fonts);
}

interface Job {
  definition: TDocumentDefinitions;
  resolve: (bytes: Buffer) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
}

/**
 * A few worker threads rendering PDFs off the event loop, one document at a time each, in order of request. Workers
 * start on the first render (a process that renders nothing starts none), keep their fonts and decoded font tables
 * warm, and hold the process open only while they render. A worker that dies fails its document and is replaced on
 * the next one. close() terminates them all.
 */
export class PdfWorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly fonts: FontFiles,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`A PDF worker pool needs at least one worker (got ${size})`);
  }

  render(definition: TDocumentDefinitions): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('The PDF renderer is shut down'));
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ definition, resolve, reject });
      this.dispatch();
    });
  }

  /** Terminates the workers; documents still queued or rendering fail. */
  async close(): Promise<void> {
    this.closed = true;
    const err = new Error('The PDF renderer is shut down');
    for (const job of this.queue.splice(0)) job.reject(err);
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        slot.job?.reject(err);
        slot.job = undefined;
        return slot.worker.terminate();
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length && !this.closed) {
      const slot = this.slots.find((s) => !s.job) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      try {
        slot.worker.postMessage(job.definition);
      } catch (err) {
        // Not cloneable (a function in the definition): this document fails, the worker stays free.
        slot.job = undefined;
        slot.worker.unref();
        job.reject(err as Error);
      }
    }
  }

  private spawn(): Slot {
    const worker = new Worker(RENDERER, { workerData: { pdfRenderer: true, fonts: this.fonts } });
    const slot: Slot = { worker };
    worker.unref();
    worker.on('message', (answer: { bytes?: Uint8Array; error?: string }) => {
      const job = slot.job;
      slot.job = undefined;
      worker.unref();
      if (job) {
        if (answer.bytes) job.resolve(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength));
        else job.reject(new Error(answer.error ?? 'The PDF could not be rendered'));
      }
      this.dispatch();
    });
    const lost = (err: Error) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      this.slots.splice(index, 1);
      slot.job?.reject(err);
      slot.job = undefined;
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`The PDF worker stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }
}
