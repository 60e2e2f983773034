// Ledger files on two threads (climate.worker.ts): an import parses in a worker while the main
// thread inserts, and a summary splits the file into two byte ranges at a line break and parses
// them at the same time. When the compiled worker is not there (tests run from the sources),
// the same code runs in one thread.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ledgerHeaderEnd, LedgerSummariser, mergeLedgerSummaries, type EmissionModel, type KostraCodes, type LedgerColumn, type LedgerSummary } from '@omstilling/core';
import { ImportParser, type ParseOptions, type ParseResult, type RowBatch } from './climate.parse.js';
import type { WorkerJob } from './climate.worker.js';

const WORKER_URL = new URL('./climate.worker.js', import.meta.url);
const CHUNK = 4 << 20;
/** Batches parsed ahead of the inserts at most (each about 0.5 MB): memory stays flat whatever the file size. */
const MAX_IN_FLIGHT = 8;
/** Files smaller than this are imported in one thread. */
const MIN_THREAD_BYTES = 1 << 20;
/** Files smaller than this are summarised in one thread (starting a worker costs more). */
const MIN_SPLIT_BYTES = 8 << 20;

/** True when the compiled worker exists (not when running from the TypeScript sources). */
export function workerAvailable(): boolean {
  return WORKER_URL.pathname.endsWith('.js') && fs.existsSync(fileURLToPath(WORKER_URL));
}

function readRange(file: string, start: number, end: number, each: (chunk: Uint8Array) => void): void {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let pos = start;
    while (pos < end) {
      const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, end - pos), pos);
      if (n <= 0) break;
      pos += n;
      each(buf.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Parses a ledger file for an import, handing row batches to `consume` in file order (awaited
 * one at a time). With `thread`, the parsing runs in a worker thread, at most MAX_IN_FLIGHT
 * batches ahead of consume; a failing consume stops the worker and rejects.
 */
export async function parseLedgerFile(file: string, options: ParseOptions, consume: (batch: RowBatch) => Promise<void> | void, thread: boolean, signal?: AbortSignal): Promise<ParseResult> {
  const aborted = () => new Error('Innlesingen ble avbrutt');
  // Small files (uploads of a few lines) are quicker in one thread than with a worker to start.
  if (!thread || !workerAvailable() || fs.statSync(file).size < MIN_THREAD_BYTES) {
    // Let the caller set up first, as it would while a worker starts.
    await Promise.resolve();
    const queue: RowBatch[] = [];
    const parser = new ImportParser(options, (b) => queue.push(b));
    const fd = fs.openSync(file, 'r');
    try {
      const buf = Buffer.allocUnsafe(CHUNK);
      for (;;) {
        const n = fs.readSync(fd, buf, 0, CHUNK, null);
        if (n <= 0) break;
        if (signal?.aborted) throw aborted();
        parser.push(buf.subarray(0, n));
        parser.flush();
        for (const b of queue.splice(0)) await consume(b);
      }
    } finally {
      fs.closeSync(fd);
    }
    const result = parser.end();
    for (const b of queue.splice(0)) await consume(b);
    return result;
  }
  const worker = new Worker(WORKER_URL);
  const credit = new SharedArrayBuffer(4);
  const consumed = new Int32Array(credit);
  return new Promise<ParseResult>((resolve, reject) => {
    let settled = false;
    let chain = Promise.resolve();
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      Atomics.store(consumed, 0, -1);
      Atomics.notify(consumed, 0);
      void worker.terminate();
      reject(e);
    };
    worker.on('message', (m: { kind: 'batch'; batch: RowBatch } | { kind: 'done'; result: ParseResult } | { kind: 'error'; message: string }) => {
      chain = chain
        .then(async () => {
          if (settled) return;
          if (m.kind === 'batch') {
            await consume(m.batch);
            Atomics.add(consumed, 0, 1);
            Atomics.notify(consumed, 0);
          } else if (m.kind === 'done') {
            settled = true;
            void worker.terminate();
            resolve(m.result);
          } else fail(new Error(m.message));
        })
        .catch(fail);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`Tolkeren stoppet uventet (kode ${code})`)));
    if (signal?.aborted) fail(aborted());
    signal?.addEventListener('abort', () => fail(aborted()), { once: true });
    const job: WorkerJob = { kind: 'import', file, options, credit, maxInFlight: MAX_IN_FLIGHT };
    worker.postMessage(job);
  });
}

/**
 * A worker kept ready for summaries (start once, summarise many files, close). Starting a
 * thread takes some tens of milliseconds, which a caller summarising several files pays once.
 */
export class LedgerThreads {
  private constructor(private readonly worker: Worker) {}

  /** A ready worker, or null when the compiled worker is not available. */
  static async start(): Promise<LedgerThreads | null> {
    if (!workerAvailable()) return null;
    const worker = new Worker(WORKER_URL);
    await new Promise<void>((resolve, reject) => {
      worker.once('online', () => resolve());
      worker.once('error', reject);
    });
    return new LedgerThreads(worker);
  }

  /** Parses [start, end) of the file in the worker (after its header); resolves with the summary and the line its records were numbered from. */
  range(job: Omit<Extract<WorkerJob, { kind: 'summarise' }>, 'kind'>): Promise<{ summary: LedgerSummary; startLine: number }> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: { kind: 'summary'; summary: LedgerSummary; startLine: number } | { kind: 'error'; message: string }) => {
        this.worker.off('error', onError);
        if (m.kind === 'summary') resolve(m);
        else reject(new Error(m.message));
      };
      const onError = (e: Error) => {
        this.worker.off('message', onMessage);
        reject(e);
      };
      this.worker.once('message', onMessage);
      this.worker.once('error', onError);
      this.worker.postMessage({ kind: 'summarise', ...job });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * Parses, checks and aggregates a ledger file (LedgerSummariser) on two threads when `threads`
 * is given and the file is large: the main thread reads the first half, the worker the second,
 * split at a line break. Whether that line break lies inside a quoted field is known only when
 * the first half has been read; if it does, the first half's reader simply reads on to the end
 * and the worker's half is discarded, so the result is always the one-thread result.
 */
export async function summariseLedgerFile(file: string, model: EmissionModel, codes: KostraCodes, options: { map?: Partial<Record<LedgerColumn, string>>; threads?: LedgerThreads | null } = {}): Promise<LedgerSummary> {
  const size = fs.statSync(file).size;
  const first = new LedgerSummariser(model, codes, options.map);
  let split = -1;
  let headerEnd = -1;
  if (options.threads && size >= MIN_SPLIT_BYTES) {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(1 << 20);
      headerEnd = ledgerHeaderEnd(head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)));
      if (headerEnd > 0) {
        const probe = Buffer.alloc(1 << 16);
        const at = headerEnd + Math.floor((size - headerEnd) / 2);
        const n = fs.readSync(fd, probe, 0, probe.length, at);
        const nl = probe.subarray(0, n).indexOf(10);
        if (nl >= 0 && at + nl + 1 < size) split = at + nl + 1;
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  if (split < 0 || !options.threads) {
    readRange(file, 0, size, (c) => first.push(c));
    return first.finish();
  }
  const second = options.threads.range({ file, headerEnd, start: split, end: size, model, codes, ...(options.map ? { map: options.map } : {}) });
  readRange(file, 0, split, (c) => first.push(c));
  const { summary, complete } = first.rangeSummary();
  if (complete) {
    const s = await second;
    return mergeLedgerSummaries(summary, s.summary, s.startLine);
  }
  // The split line break was inside quotes: read on here; the worker's half is not used.
  readRange(file, split, size, (c) => first.push(c));
  await second.catch(() => undefined);
  return first.finish();
}
