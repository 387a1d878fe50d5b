import { lazyDefine } from '../controllers/lazy-define.js';

/** Defines `<kehu-line-items>` the first time a form draws a line-items field (see `lazyDefine`). */
export const loadLineItems = lazyDefine('kehu-line-items', () => import('./define.js'));
