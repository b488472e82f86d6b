export type { AnswerExpectation, BinaryAnswer } from './answer';
export type { AfasClient } from './client';
export { clientFor } from './client';
export type { AfasContext, AfasCredentialType, AfasProduct } from './context';
export { toNodeError } from './errors';
export type { AfasRequestOptions } from './request';
export { afasRequest, DEFAULT_TIMEOUT_MS } from './request';
export type { AfasTarget, TargetSpec } from './target';
export { resolveTarget } from './target';
