export type { ParameterReader } from './reader';
export { parameters } from './reader';
