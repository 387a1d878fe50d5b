import type { Entity } from '../entity/types.js';
import { KehuError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';

/**
 * RxDB without dev-mode reports bare codes (`CONFLICT`, `COL23`); callers get a sentence instead,
 * with the original error kept as `cause` for debugging.
 */
export function storageError(
  error: unknown,
  entity: Entity,
  action: 'insert' | 'update',
  id: string,
  locale: Locale,
): KehuError {
  const e = error as { code?: string; status?: number; message?: string };
  const label = entity.label;
  let result: KehuError;
  if (e?.status === 409 || e?.code === 'CONFLICT' || e?.code === 'C11') {
    result = new KehuError(
      'duplicate-id',
      action === 'insert'
        ? {
            en: `A ${label.en.toLowerCase()} with id "${id}" already exists (it may be in the trash); use another id or update it.`,
            'zh-CN': `ID 为「${id}」的${label['zh-CN']}已存在（可能在回收站中）；请换一个 ID 或修改该记录。`,
          }
        : {
            en: `The ${label.en.toLowerCase()} "${id}" was changed elsewhere at the same time; reload it and try again.`,
            'zh-CN': `${label['zh-CN']}「${id}」同时在别处被修改；请重新加载后再试。`,
          },
      locale,
    );
  } else {
    const detail = e?.code ?? e?.message ?? String(error);
    result = new KehuError(
      'storage-failed',
      {
        en: `The store could not ${action} the ${label.en.toLowerCase()} "${id}" (${detail}); nothing was written.`,
        'zh-CN': `数据存储无法${action === 'insert' ? '新增' : '修改'}${label['zh-CN']}「${id}」（${detail}），未写入任何内容。`,
      },
      locale,
    );
  }
  (result as { cause?: unknown }).cause = error;
  return result;
}

/** A write that met a record someone else (another tab, a replication) changed since it was read. */
export function changedElsewhereError(entity: Entity, id: string, locale: Locale): KehuError {
  const label = entity.label;
  return new KehuError(
    'changed-elsewhere',
    {
      en: `This ${label.en.toLowerCase()} (${id}) was changed elsewhere (another tab or user) after you opened it; nothing was saved. Reload it and make your change again.`,
      'zh-CN': `该${label['zh-CN']}（${id}）在您打开后已被其他窗口或用户修改，本次未保存。请重新加载后再修改。`,
    },
    locale,
  );
}

/** No live record of `entity` with that id. */
export function notFoundError(entity: Entity, id: string, locale: Locale): KehuError {
  return new KehuError(
    'not-found',
    {
      en: `No ${entity.label.en.toLowerCase()} with id "${id}".`,
      'zh-CN': `找不到 ID 为「${id}」的${entity.label['zh-CN']}。`,
    },
    locale,
  );
}
