/** Shared checks for the transport's safety tests: every secret of the simulator's credentials, never shown. */
import { allText } from '../helpers/errors';
import type { Simulator } from '../simulator';
import { printed } from './inspect';

/** Every credential secret the simulator hands out, in the shapes a server could echo. */
export function simulatorSecrets(sim: Simulator, extra: string[] = []): string[] {
	const profit = sim.credentials.profit;
	const sb = sim.credentials.sb;
	return [
		profit.token,
		profit.tokenData,
		profit.tokenData.toLowerCase(),
		profit.tokenBase64,
		profit.clientSecret,
		sb.appToken,
		sb.clientSecret,
		...extra,
	].filter((secret) => typeof secret === 'string' && secret !== '');
}

/** The message, the description, the JSON n8n would store and what a log would print: none holds a secret. */
export function expectNoSecret(value: unknown, secrets: string[]): void {
	const views = [allText(value), JSON.stringify(value) ?? '', printed(value)];
	for (const view of views) {
		for (const secret of secrets) expect(view).not.toContain(secret);
		expect(view).not.toMatch(/AfasToken (?!\*\*\*)\S{8,}/);
		expect(view).not.toMatch(/Bearer (?!\*\*\*)\S{8,}/);
	}
}

/** Requests the simulator received on one path (any method). */
export function requestsTo(sim: Simulator, path: RegExp): number {
	return sim.requests.filter((request) => path.test(request.path)).length;
}
