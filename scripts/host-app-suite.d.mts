/** Registers the shared host-example tests for `examples/<host>` (see host-app-suite.mjs). */
export function describeHostApp(options: { host: 'react' | 'vue'; brand: string }): void;
