export { backupFile, backupStore, type BackupOptions } from './backup.js';
export { restoreBackup, type RestoreEntityReport, type RestoreOptions, type RestoreReport } from './restore.js';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupChecksum,
  openBackup,
  sealBackup,
  type BackupContent,
  type BackupEntity,
  type BackupFile,
} from './format.js';
