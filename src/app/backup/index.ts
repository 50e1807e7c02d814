/** @module Backup and restore of a whole site, on either engine. */
export { writeBackup, mediaFiles, type BackupResult } from './write-backup.ts';
export { restoreBackup, type RestoreResult } from './restore-backup.ts';
export { BACKUP_FORMAT } from './backup-file.ts';
