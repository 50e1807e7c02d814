/** @module app: the use cases that span layers, called by the web and the CLI. */
export { saveArticle, deleteArticle } from './save-article.ts';
export { loadDemo, DEMO_DIR } from './load-demo.ts';
export { reindex, reindexIfStale } from './reindex.ts';
export { searchArticles } from './search-articles.ts';
export { SearchPool, SearchWorkerError, searchWorkersOf, poolable, pooledSearcher } from './search-pool.ts';
export { openStore, storeTarget, type OpenOptions } from '../store/index.ts';
export * from './accounts/index.ts';
export * from './editorial/index.ts';
export { ImportConflictError } from './import-guard.ts';
export { importFiles, expandFiles, type ImportReport, type ImportOptions, type FileReport } from './import-files.ts';
export { exportArticles, EXPORT_LEAVES_OUT, type ExportFormat, type ExportResult } from './export-articles.ts';
export { checkSources, checkUrl, recordedChecks, type SourceCheck, type SourceStatus, type CheckOptions } from './check-sources.ts';
export * from './mail/index.ts';
export { withCountries, countriesOfAll } from './article-countries.ts';
export { writeBackup, restoreBackup, BACKUP_FORMAT, type BackupResult, type RestoreResult } from './backup/index.ts';
export * from './site/index.ts';
export * from './media/index.ts';
export * from './cards/index.ts';
