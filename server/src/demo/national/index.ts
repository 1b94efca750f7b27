// The national demo dataset (SPEC §6): generation (pure, deterministic) and loading.
export { afterBulkLoad, beforeBulkLoad } from './bulk-load-steps';
export { generateNationalDataset } from './generate';
export { defaultLastYear, type LoadOptions, type LoadSummary, loadNationalDemo } from './load';
export { TARGETS_2006 } from './plan';
export { datasetTables, type Table } from './tables';
