/// <reference lib="webworker" />
// The duplicate scan off the main thread: generates the planted customers here (so 100,000 records
// never cross postMessage) and answers with the scan's time, recall and precision.
import { scanPlanted } from './dedupe-scan.js';

self.addEventListener('message', async (event: MessageEvent<{ size: number; duplicates: number }>) => {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  try {
    scope.postMessage({ scan: await scanPlanted(event.data.size, event.data.duplicates, 'worker') });
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
