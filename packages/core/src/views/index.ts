// The saved views API that `../index.ts` re-exports (see `../entity/index.ts` for why a folder barrel).
export { SAVED_VIEW_ENTITY, savedViewEntity, type SavedView } from './saved-view.js';
