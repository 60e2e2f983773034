// A worker thread for ledger files (started by climate.threads.ts): it parses while the main
// thread inserts (an import) or parses one byte range while the main thread parses the other (a
// summary). Only parsing runs here; the database stays on the main thread, in its transaction.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { LedgerSummariser, type EmissionModel, type KostraCodes, type LedgerColumn } from '@omstilling/core';
import { ImportParser, type ParseOptions } from './climate.parse.js';

export type WorkerJob =
  | { kind: 'import'; file: string; options: ParseOptions; credit: SharedArrayBuffer; maxInFlight: number }
  | { kind: 'summarise'; file: string; headerEnd: number; start: number; end: number; model: EmissionModel; codes: KostraCodes; map?: Partial<Record<LedgerColumn, string>> };

const CHUNK = 4 << 20;

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

const port = parentPort!;
port.on('message', (job: WorkerJob) => {
  try {
    if (job.kind === 'summarise') {
      const s = new LedgerSummariser(job.model, job.codes, job.map);
      readRange(job.file, 0, job.headerEnd, (c) => s.push(c));
      const startLine = s.nextLine;
      readRange(job.file, job.start, job.end, (c) => s.push(c));
      port.postMessage({ kind: 'summary', summary: s.finish({ headerErrors: false }), startLine });
      return;
    }
    // An import: batches to the main thread, at most maxInFlight of them not yet inserted.
    const consumed = new Int32Array(job.credit);
    let sent = 0;
    const parser = new ImportParser(job.options, (batch, transfer) => {
      port.postMessage({ kind: 'batch', batch }, transfer);
      sent++;
      for (;;) {
        const done = Atomics.load(consumed, 0);
        if (done < 0 || sent - done <= job.maxInFlight) break;
        Atomics.wait(consumed, 0, done, 1000);
      }
      if (Atomics.load(consumed, 0) < 0) throw new Error('aborted');
    });
    readRange(job.file, 0, fs.statSync(job.file).size, (c) => {
      parser.push(c);
      parser.flush();
    });
    port.postMessage({ kind: 'done', result: parser.end() });
  } catch (e) {
    port.postMessage({ kind: 'error', message: (e as Error).message });
  }
});
