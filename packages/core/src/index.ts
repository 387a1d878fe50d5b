export * from './i18n/locale.js';
export * from './entity/types.js';
export * from './store/types.js';
export * from './errors/errors.js';
