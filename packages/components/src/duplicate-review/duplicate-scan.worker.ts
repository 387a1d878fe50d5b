/// <reference lib="webworker" />
// Compares an entity's records for likely duplicates off the main thread: the page posts the
// records a page at a time, this answers with how many it has scanned, and with the candidate pairs
// and the entity's completeness once the page says it has sent them all. A scan of 100,000
// customers takes seconds; here it never freezes the page.
import { CompletenessTally, DuplicateScanner, defineEntity } from '@kehu/core';
import type { ScanReply, ScanRequest } from './scan-engine.js';

/** The scans under way, by the page's scan number: several reviews may share this worker. */
const scans = new Map<number, { scanner: DuplicateScanner; tally: CompletenessTally }>();
const reply = (message: ScanReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

self.addEventListener('message', (event: MessageEvent<ScanRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'start') {
      const entity = defineEntity(request.schema, 'duplicate-scan');
      scans.set(request.scan, {
        scanner: new DuplicateScanner(entity, { threshold: request.threshold }),
        tally: new CompletenessTally(entity),
      });
      return;
    }
    // A scan the page stopped is not here any more: its late pages are dropped.
    const scan = scans.get(request.scan);
    if (!scan) return;
    if (request.type === 'stop') scans.delete(request.scan);
    else if (request.type === 'page') {
      scan.scanner.add(request.records);
      scan.tally.add(request.records);
      reply({ type: 'scanned', scan: request.scan, scanned: scan.scanner.scanned });
    } else if (request.type === 'finish') {
      scans.delete(request.scan);
      reply({ type: 'done', scan: request.scan, pairs: scan.scanner.pairs(), completeness: scan.tally.result() });
    }
  } catch (error) {
    scans.delete(request.scan);
    reply({ type: 'error', scan: request.scan, message: (error as Error)?.message ?? String(error) });
  }
});

reply({ type: 'ready' });
