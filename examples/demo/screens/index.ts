import type { DemoScreen } from './types.js';

/** The demo's screens, in navigation order, after the entity archives. */
export const screens: DemoScreen[] = [];
