import type { Entity, FieldModel } from '../entity/types.js';
import { KehuError } from '../errors/errors.js';
import type { Locale, LocalizedText } from '../i18n/locale.js';
import type { EntityPolicy } from './policy.js';
import type { FieldAccess, PermissionAction } from './types.js';

const verbs: Record<PermissionAction, LocalizedText> = {
  query: { en: 'view', 'zh-CN': '查询' },
  create: { en: 'add', 'zh-CN': '新增' },
  update: { en: 'change', 'zh-CN': '修改' },
  delete: { en: 'delete', 'zh-CN': '删除' },
  export: { en: 'export', 'zh-CN': '导出' },
};

const who = (policy: EntityPolicy) => {
  const roles = policy.user.roles?.length ? policy.user.roles.join(', ') : '—';
  return {
    en: `${policy.user.name ?? policy.user.id} (roles: ${roles})`,
    'zh-CN': `${policy.user.name ?? policy.user.id}（角色：${roles}）`,
  };
};

/** A refused permission; `code` is always `forbidden`, nothing was read or written. */
export class KehuPermissionError extends KehuError {
  override name = 'KehuPermissionError';
  constructor(
    readonly entity: string,
    readonly action: PermissionAction,
    text: LocalizedText,
    locale: Locale,
    /** The field, when a field's access refused the request. */
    readonly field?: string,
  ) {
    super('forbidden', text, locale);
  }
}

/** The user's roles do not allow this action on this entity. */
export function actionForbidden(policy: EntityPolicy, action: PermissionAction, locale: Locale): KehuPermissionError {
  const { label } = policy.entity;
  const user = who(policy);
  return new KehuPermissionError(
    policy.entity.name,
    action,
    {
      en: `${user.en} may not ${verbs[action].en} ${policy.entity.pluralLabel.en.toLowerCase()}. Ask an administrator for the "${action}" permission on ${label.en}.`,
      'zh-CN': `${user['zh-CN']}没有${verbs[action]['zh-CN']}${label['zh-CN']}的权限。如需此权限，请联系管理员。`,
    },
    locale,
  );
}

function fieldLabel(entity: Entity, path: string[]): LocalizedText {
  const chain: FieldModel[] = [];
  let fields = entity.fields;
  for (const key of path) {
    const field = fields.find((f) => f.key === key);
    if (!field) break;
    chain.push(field);
    fields = field.children ?? [];
  }
  if (chain.length !== path.length) return { en: path.join('.'), 'zh-CN': path.join('.') };
  return {
    en: chain.map((f) => f.label.en).join(' › '),
    'zh-CN': chain.map((f) => f.label['zh-CN']).join(' › '),
  };
}

const accessText: Record<FieldAccess, LocalizedText> = {
  none: { en: 'hidden', 'zh-CN': '不可见' },
  masked: { en: 'masked', 'zh-CN': '脱敏显示' },
  read: { en: 'read-only', 'zh-CN': '只读' },
  write: { en: 'writable', 'zh-CN': '可编辑' },
};

/** A write touched a field the user may not change; nothing was saved. */
export function fieldForbidden(
  policy: EntityPolicy,
  action: PermissionAction,
  path: string[],
  locale: Locale,
): KehuPermissionError {
  const label = fieldLabel(policy.entity, path);
  const access = accessText[policy.field(path)];
  const user = who(policy);
  return new KehuPermissionError(
    policy.entity.name,
    action,
    {
      en: `${label.en} is ${access.en} for ${user.en}; it cannot be set or changed. Nothing was saved.`,
      'zh-CN': `「${label['zh-CN']}」对${user['zh-CN']}是${access['zh-CN']}字段，不能填写或修改。本次未保存。`,
    },
    locale,
    path.join('.'),
  );
}

/** A query filtered, sorted or searched by a field the user may not see. */
export function queryFieldForbidden(policy: EntityPolicy, path: string[], locale: Locale): KehuPermissionError {
  const label = fieldLabel(policy.entity, path);
  return new KehuPermissionError(
    policy.entity.name,
    'query',
    {
      en: `You may not filter, sort or search by ${label.en}: it is ${accessText[policy.field(path)].en} for your roles.`,
      'zh-CN': `您的角色不能按「${label['zh-CN']}」筛选、排序或搜索：该字段${accessText[policy.field(path)]['zh-CN']}。`,
    },
    locale,
    path.join('.'),
  );
}

/** A write would create or leave a record outside the user's rows. */
export function scopeForbidden(policy: EntityPolicy, action: PermissionAction, locale: Locale): KehuPermissionError {
  const scope = policy.scope;
  const scopes: Record<string, LocalizedText> = {
    own: { en: 'your own records', 'zh-CN': '本人负责的记录' },
    assigned: { en: 'records you own or are assigned', 'zh-CN': '本人负责或分配给本人的记录' },
    organisation: { en: "your organisation's records", 'zh-CN': '本组织的记录' },
    all: { en: 'all records', 'zh-CN': '全部记录' },
  };
  return new KehuPermissionError(
    policy.entity.name,
    action,
    {
      en: `You may only ${verbs[action].en} ${scopes[scope].en} of ${policy.entity.pluralLabel.en.toLowerCase()}; this one is outside. Nothing was saved.`,
      'zh-CN': `您只能${verbs[action]['zh-CN']}${scopes[scope]['zh-CN']}（${policy.entity.label['zh-CN']}），该记录不在您的数据范围内。本次未保存。`,
    },
    locale,
  );
}
