import { executeWrite, writeDescription } from './write';

export const description = writeDescription('delete');

export const execute = executeWrite;
