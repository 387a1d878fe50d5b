import { lazyDefine } from '../controllers/lazy-define.js';

/** Defines `<kehu-reference-picker>` the first time something draws one (see `lazyDefine`). */
export const loadReferencePicker = lazyDefine('kehu-reference-picker', () => import('./define.js'));
