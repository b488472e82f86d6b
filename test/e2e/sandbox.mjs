// `npm run sandbox`: a real n8n editor with the AFAS node installed, next to the AFAS simulator, ready to click
// around in. Credentials for the simulator and the example workflows (test/e2e/workflows/) are pre-made and
// the owner account is set up over REST. Runs until Ctrl-C; the user folder is made fresh on each start.
//
//   AFAS_SANDBOX_PORT=5678 AFAS_SIMULATOR_PORT=4010 AFAS_E2E_N8N_VERSION=1.123.81 npm run sandbox
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HOMES_DIR, DEFAULT_N8N_VERSION, E2E_DIR, ensureN8n, installedN8nVersion } from './install.mjs';
import { N8nInstance, OWNER } from './lib/n8n.mjs';
import { packNodePackage } from './lib/package.mjs';
import { sbOAuth2Credential, simulatorCredentials, startSimulatorPreferring } from './lib/simulator.mjs';

const version = process.env.AFAS_E2E_N8N_VERSION || DEFAULT_N8N_VERSION;
const started = Date.now();
await ensureN8n(version);
const pkg = await packNodePackage();
const sim = await startSimulatorPreferring(Number(process.env.AFAS_SIMULATOR_PORT || 4010));
const n8n = new N8nInstance({
	version,
	home: join(HOMES_DIR, `home-sandbox-${version}`),
	packageDir: pkg.dir,
	preferredPort: Number(process.env.AFAS_SANDBOX_PORT || 5678),
	logLevel: 'warn',
});
let stopping = false;
async function shutdown(code) {
	if (stopping) return;
	stopping = true;
	console.log('\n• stopping n8n and the simulator');
	await n8n.stop();
	await sim.close();
	process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
	await n8n.prepare();
	const workflowDir = join(E2E_DIR, 'workflows');
	const workflows = readdirSync(workflowDir)
		.filter((file) => file.endsWith('.json'))
		.map((file) => JSON.parse(readFileSync(join(workflowDir, file), 'utf8')));
	await n8n.importCredentials([...simulatorCredentials(sim), sbOAuth2Credential(sim)]);
	await n8n.importWorkflows(workflows);
	console.log(`• starting n8n ${installedN8nVersion(version)} (about 30 s)`);
	await n8n.start();
	await n8n.setupOwner();
} catch (error) {
	console.error(error.message);
	if (n8n.serverLog) console.error(n8n.serverLog.slice(-3000));
	await shutdown(1);
}

const { profit, sb } = sim.credentials;
console.log(`
AFAS sandbox ready in ${Math.round((Date.now() - started) / 1000)} s

  n8n editor     ${n8n.url}/home/workflows
  login          ${OWNER.email}  /  ${OWNER.password}
  AFAS simulator ${sim.url}  (Profit: ${sim.profitUrl}, SB: ${sim.sbUrl}/${sb.environment})

  Pre-made credentials (Overview > Credentials):
    AFAS Profit (simulator, token)                    token ${profit.tokenData.slice(0, 8)}…
    AFAS Profit (simulator, OAuth client credentials) client ${profit.clientId}
    AFAS SB (simulator, app token)                    environment ${sb.environment}
    AFAS SB (simulator, OAuth 2.0 - click Connect)    open it and click "Connect my account"
  Example workflows: the ${readdirSync(join(E2E_DIR, 'workflows')).filter((f) => f.endsWith('.json')).length} files in test/e2e/workflows/ (open one, click "Execute workflow").
  To make a new Profit credential: Environment "Custom Base URL", Base URL ${sim.profitUrl}, token:
    ${profit.token}

Ctrl-C stops n8n and the simulator.`);
setInterval(() => undefined, 1 << 30);
