import { executeWrite, writeDescription } from './write';

export const description = writeDescription('update');

export const execute = executeWrite;
