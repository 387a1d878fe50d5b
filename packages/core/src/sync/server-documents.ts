import type { Entity } from '../entity/types.js';
import { importEntities } from '../import/import-entities.js';
import { couchDesignDocument, type KehuDesignDocument } from '../permissions/couchdb.js';
import type { PermissionConfig } from '../permissions/types.js';
import { savedViewEntity } from '../views/saved-view.js';
import { seriesDesignDocument } from './code-blocks.js';

/**
 * What a CouchDB server needs for Kehu clients to sync with it: four databases per record database
 * `<db>` (records, `<db>-changes` for the audit log, `<db>-files` for attachments, `<db>-series`
 * for naming-series counters, see `syncUrls`), each with a design document holding its write checks.
 */

/** The entities whose records replicate: the caller's plus the built-ins every store has (not `kehu-conflict`, which stays local). */
export function syncedEntities(entities: Entity[]): Entity[] {
  const names = new Set(entities.map((e) => e.name));
  return [...entities, ...[savedViewEntity, ...importEntities].filter((e) => !names.has(e.name))];
}

/** ES5 for CouchDB's JavaScript engine, like permissions/couchdb.ts. */
const signedIn = `function no(en, zh) { throw { forbidden: en + ' / ' + zh }; }
  var roles = (userCtx && userCtx.roles) || [];
  var admins = (secObj && secObj.admins) || {};
  for (var i = 0; i < roles.length; i++) if (roles[i] === '_admin' || (admins.roles || []).indexOf(roles[i]) >= 0) return;
  if ((admins.names || []).indexOf(userCtx.name) >= 0) return;
  if (String(newDoc._id).indexOf('_design/') === 0) no('Only administrators may change design documents.', '只有管理员可以修改设计文档。');
  if (typeof userCtx.name !== 'string' || !userCtx.name) no('Sign in to sync.', '请登录后再同步。');`;

/**
 * The audit log database: entries are appended, never changed or deleted (decision 0004), and an
 * entry names its author, who must be the signed-in user.
 */
export function changesDesignDocument(): { _id: string; language: 'javascript'; validate_doc_update: string } {
  return {
    _id: '_design/kehu',
    language: 'javascript',
    validate_doc_update: `function (newDoc, oldDoc, userCtx, secObj) {
  ${signedIn}
  if (oldDoc || newDoc._deleted) no('Change history entries cannot be changed or deleted.', '变更记录不能修改或删除。');
  if (typeof newDoc.k !== 'string' || typeof newDoc.a !== 'string' || typeof newDoc.at !== 'string')
    no('Document ' + newDoc._id + ' is not a change history entry.', '文档 ' + newDoc._id + ' 不是变更记录。');
  if (newDoc.u && newDoc.u.id !== userCtx.name)
    no('A change history entry must name its author (' + userCtx.name + ').', '变更记录必须署名为当前用户（' + userCtx.name + '）。');
}`,
  };
}

/**
 * The attachments database: signed-in users add and remove file documents. Which record a file
 * may belong to is not checked yet (decision 0007, "Not enforced yet").
 */
export function filesDesignDocument(): { _id: string; language: 'javascript'; validate_doc_update: string } {
  return {
    _id: '_design/kehu',
    language: 'javascript',
    validate_doc_update: `function (newDoc, oldDoc, userCtx, secObj) {
  ${signedIn}
  if (!newDoc._deleted && (typeof newDoc.kind !== 'string' || typeof newDoc.owner !== 'string'))
    no('Document ' + newDoc._id + ' is not an attachment.', '文档 ' + newDoc._id + ' 不是附件。');
}`,
  };
}

/** The databases to create for record database `name` and the design document of each. */
export function serverDatabases(
  entities: Entity[],
  roles: PermissionConfig,
  name = 'kehu',
): { name: string; design: KehuDesignDocument | ReturnType<typeof changesDesignDocument> }[] {
  return [
    { name, design: couchDesignDocument(syncedEntities(entities), roles) },
    { name: `${name}-changes`, design: changesDesignDocument() },
    { name: `${name}-files`, design: filesDesignDocument() },
    // Naming-series counters: clients reserve blocks of codes here (decision 0012).
    { name: `${name}-series`, design: seriesDesignDocument() },
  ];
}
