import type { AfasClient, AfasContext } from '../../transport';
import { clientFor, resolveTarget } from '../../transport';
import { profitBaseUrl } from '../../wire/profit/connection';

/** AFAS Profit (ProfitRestServices) for one execution or one editor look-up. */
export type ProfitClient = AfasClient<'profit'>;

/** Reads the Profit credential and resolves its base URL once; every Profit call then goes through it. */
export async function createProfitClient(context: AfasContext): Promise<ProfitClient> {
	const target = await resolveTarget(context, {
		product: 'profit',
		credentialType: 'afasProfitApi',
		baseUrlOf: profitBaseUrl,
	});
	return clientFor(context, { ...target, product: 'profit' });
}
