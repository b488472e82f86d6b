// The AFAS simulator (test/simulator, CommonJS) in this process, so the harness can add faults and read its
// request log while n8n (a child process) talks to it over real HTTP.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_DIR } from '../install.mjs';

const require = createRequire(import.meta.url);

export async function startSimulator(options = {}) {
	const { startSimulator: start } = require(join(REPO_DIR, 'test', 'simulator', 'index.js'));
	return start({ port: 0, host: '127.0.0.1', ...options });
}

/**
 * The credentials the E2E workflows use (fixed ids referenced by test/e2e/workflows/*.json). `data` is plain:
 * `n8n import:credentials` encrypts it with the instance's key.
 */
export function simulatorCredentials(sim) {
	const { profit, sb } = sim.credentials;
	return [
		{
			id: 'afasE2eProfitTok',
			name: 'AFAS Profit (simulator, token)',
			type: 'afasProfitApi',
			data: { environment: 'custom', baseUrl: sim.profitUrl, authType: 'token', token: profit.token },
		},
		{
			id: 'afasE2eProfitOAu',
			name: 'AFAS Profit (simulator, OAuth client credentials)',
			type: 'afasProfitApi',
			data: {
				environment: 'custom',
				baseUrl: sim.profitUrl,
				authType: 'oAuth2',
				clientId: profit.clientId,
				clientSecret: profit.clientSecret,
			},
		},
		{
			id: 'afasE2eSbToken01',
			name: 'AFAS SB (simulator, app token)',
			type: 'afasSbApi',
			data: {
				server: 'custom',
				baseUrl: sim.sbUrl,
				customerEnvironment: sb.environment,
				authType: 'token',
				token: sb.appToken,
			},
		},
		{
			id: 'afasE2eProfWhPwd',
			name: 'AFAS Profit Webhook (simulator password)',
			type: 'afasProfitWebhookApi',
			data: { password: profit.webhookPassword },
		},
	];
}

/**
 * The SB OAuth 2.0 credential, filled in but not yet connected: the consent step ("Connect my account") needs a
 * person (or the browser test) to click through the simulator's consent page.
 */
export function sbOAuth2Credential(sim) {
	const { sb } = sim.credentials;
	return {
		id: 'afasE2eSbOAuth01',
		name: 'AFAS SB (simulator, OAuth 2.0 - click Connect)',
		type: 'afasSbOAuth2Api',
		data: {
			server: 'custom',
			baseUrl: sim.sbUrl,
			customerEnvironment: sb.environment,
			clientId: sb.clientId,
			clientSecret: sb.clientSecret,
		},
	};
}

/** Prefers a fixed port (easy to remember in the sandbox), falls back to any free one. */
export async function startSimulatorPreferring(port) {
	try {
		return await startSimulator({ port });
	} catch (error) {
		if (error?.code !== 'EADDRINUSE') throw error;
		return startSimulator();
	}
}
