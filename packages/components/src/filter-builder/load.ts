import { lazyDefine } from '../controllers/lazy-define.js';

/** Defines `<kehu-filter-builder>` the first time a list opens its filter panel (see `lazyDefine`). */
export const loadFilterBuilder = lazyDefine('kehu-filter-builder', () => import('./define.js'));
