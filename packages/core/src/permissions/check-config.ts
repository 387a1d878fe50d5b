import { closest } from '../entity/names.js';
import type { Entity, FieldModel } from '../entity/types.js';
import type { LocalizedText } from '../i18n/locale.js';
import { scopeFields } from './policy.js';
import { fieldAccessLevels, permissionActions, rowScopes, type PermissionConfig, type StoreUser } from './types.js';

const guess = (value: string, candidates: Iterable<string>) => {
  const near = closest(value, candidates);
  return near ? { en: ` Did you mean "${near}"?`, 'zh-CN': `是否应为「${near}」？` } : { en: '', 'zh-CN': '' };
};

function fieldPaths(fields: FieldModel[], prefix = ''): string[] {
  return fields.flatMap((f) => [prefix + f.key, ...fieldPaths(f.children ?? [], `${prefix}${f.key}.`)]);
}

function groupsOf(fields: FieldModel[]): string[] {
  return fields.flatMap((f) => [...(f.access ? [f.access] : []), ...groupsOf(f.children ?? [])]);
}

/**
 * What is wrong with a role configuration for these entities and this user: unknown roles,
 * entities, fields, actions, access levels, groups and scopes, and scopes an entity cannot honour.
 * A typo must fail loudly when the store opens, not silently grant or withhold access.
 */
export function permissionProblems(
  config: PermissionConfig,
  entities: ReadonlyMap<string, Entity>,
  user: StoreUser | undefined,
): LocalizedText[] {
  const out: LocalizedText[] = [];
  const roles = config?.roles;
  if (!roles || typeof roles !== 'object') {
    return [{ en: 'permissions.roles must be an object of roles.', 'zh-CN': 'permissions.roles 必须是角色对象。' }];
  }
  const groups = new Set([...entities.values()].flatMap((e) => groupsOf(e.fields)));
  for (const [roleName, role] of Object.entries(roles)) {
    const at = `permissions.roles.${roleName}`;
    for (const [entityName, grant] of Object.entries(role.entities ?? {})) {
      const where = `${at}.entities.${entityName}`;
      const entity = entities.get(entityName);
      if (entityName !== '*' && !entity) {
        const g = guess(entityName, entities.keys());
        out.push({
          en: `${where}: there is no entity "${entityName}".${g.en}`,
          'zh-CN': `${where}：没有实体「${entityName}」。${g['zh-CN']}`,
        });
        continue;
      }
      for (const action of grant.actions ?? []) {
        if (!permissionActions.includes(action)) {
          out.push({
            en: `${where}.actions: "${action}" is not an action; use ${permissionActions.join(', ')}.`,
            'zh-CN': `${where}.actions：「${action}」不是有效操作，可用 ${permissionActions.join('、')}。`,
          });
        }
      }
      const scope = grant.scope ?? 'all';
      if (!rowScopes.includes(scope)) {
        out.push({
          en: `${where}.scope: "${scope}" is not a scope; use ${rowScopes.join(', ')}.`,
          'zh-CN': `${where}.scope：「${scope}」不是有效的数据范围，可用 ${rowScopes.join('、')}。`,
        });
      } else if (entity && !scopeFields(entity, scope)) {
        out.push({
          en: `${where}.scope: "${scope}" needs x-kehu.ownership.${scope === 'organisation' ? 'organisation' : 'owner'} in the ${entityName} schema.`,
          'zh-CN': `${where}.scope：数据范围「${scope}」需要在 ${entityName} 的 schema 中声明 x-kehu.ownership.${scope === 'organisation' ? 'organisation' : 'owner'}。`,
        });
      }
      const paths = entity ? fieldPaths(entity.fields) : [];
      for (const [path, access] of Object.entries(grant.fields ?? {})) {
        if (!fieldAccessLevels.includes(access)) {
          out.push({
            en: `${where}.fields.${path}: "${access}" is not an access level; use ${fieldAccessLevels.join(', ')}.`,
            'zh-CN': `${where}.fields.${path}：「${access}」不是有效的字段权限，可用 ${fieldAccessLevels.join('、')}。`,
          });
        }
        if (entity && !paths.includes(path)) {
          const g = guess(path, paths);
          out.push({
            en: `${where}.fields: "${path}" is not a field of ${entityName}.${g.en}`,
            'zh-CN': `${where}.fields：「${path}」不是 ${entityName} 的字段。${g['zh-CN']}`,
          });
        }
      }
    }
    for (const [group, access] of Object.entries(role.groups ?? {})) {
      if (!groups.has(group)) {
        const g = guess(group, groups);
        out.push({
          en: `${at}.groups: no field declares the permission group "${group}".${g.en}`,
          'zh-CN': `${at}.groups：没有字段声明权限组「${group}」。${g['zh-CN']}`,
        });
      }
      if (!fieldAccessLevels.includes(access)) {
        out.push({
          en: `${at}.groups.${group}: "${access}" is not an access level.`,
          'zh-CN': `${at}.groups.${group}：「${access}」不是有效的字段权限。`,
        });
      }
    }
  }
  for (const role of user?.roles ?? []) {
    if (!roles[role]) {
      const g = guess(role, Object.keys(roles));
      out.push({
        en: `User ${user!.id} has the role "${role}", which the configuration does not define.${g.en}`,
        'zh-CN': `用户 ${user!.id} 的角色「${role}」未在权限配置中定义。${g['zh-CN']}`,
      });
    }
  }
  return out;
}
