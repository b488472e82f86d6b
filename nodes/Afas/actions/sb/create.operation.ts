import { executeWrite, writeDescription } from './write';

export const description = writeDescription('create');

export const execute = executeWrite;
