export type { SbClient, SbCredentialType } from './client';
export { createSbClient } from './client';
export type { SbRead } from './list';
export { readSbList } from './list';
