export type { SbClient, SbCredentialType } from './client';
export { createSbClient } from './client';
export type { SbRead, SbReadResult } from './list';
export { readCatalogueList, readSbList } from './list';
export type { SbWrite } from './write';
export { sendSbWrite } from './write';
export type { SbBlobFile } from './blob';
export { downloadSbBlob, uploadSbBlob } from './blob';
