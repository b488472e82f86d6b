import type { AfasContext, AfasProduct } from './context';
import type { AfasRequestOptions } from './request';
import { afasRequest } from './request';
import type { AfasTarget } from './target';

/**
 * One product's connection for one execution (or one editor look-up): the credential read and the base URL
 * resolved once, every call sent through the shared request, retry and error machinery. The product tag keeps a
 * Profit client out of SB calls and the other way round.
 */
export interface AfasClient<P extends AfasProduct> {
	readonly product: P;
	readonly context: AfasContext;
	/** No trailing slash; for URL-length checks before a request is built. */
	readonly baseUrl: string;
	request<T = unknown>(options: AfasRequestOptions): Promise<T>;
}

export function clientFor<P extends AfasProduct>(
	context: AfasContext,
	target: AfasTarget & { product: P },
): AfasClient<P> {
	return {
		product: target.product,
		context,
		baseUrl: target.baseUrl,
		request: async <T>(options: AfasRequestOptions) =>
			await afasRequest<T>(context, target, options),
	};
}
