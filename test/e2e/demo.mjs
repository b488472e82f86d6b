// `npm run demo`: the AFAS node in a real n8n against the local AFAS simulator, in one command.
// Installs what is missing (Node 24 + n8n 1.123.81 into test/e2e/.cache/, minutes the first time), builds and
// packs the node, installs it into a fresh n8n user folder, imports a demo credential and workflow
// (test/e2e/workflows/demo.json), runs it with `n8n execute` and tells what the AFAS node did.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	HOMES_DIR,
	DEFAULT_N8N_VERSION,
	E2E_DIR,
	ensureN8n,
	installedN8nVersion,
} from './install.mjs';
import { N8nInstance, tail } from './lib/n8n.mjs';
import { packNodePackage } from './lib/package.mjs';
import { describeError } from './lib/run-data.mjs';
import { simulatorCredentials, startSimulator } from './lib/simulator.mjs';

const version = process.env.AFAS_E2E_N8N_VERSION || DEFAULT_N8N_VERSION;
const started = Date.now();
await ensureN8n(version);
const pkg = await packNodePackage();
const sim = await startSimulator();
let exitCode = 0;
try {
	const n8n = new N8nInstance({ version, home: join(HOMES_DIR, 'home-demo'), packageDir: pkg.dir });
	await n8n.prepare();
	const workflow = JSON.parse(readFileSync(join(E2E_DIR, 'workflows', 'demo.json'), 'utf8'));
	await n8n.importCredentials(simulatorCredentials(sim));
	await n8n.importWorkflows([workflow]);
	console.log(`• running "${workflow.name}" in n8n ${installedN8nVersion(version)} (n8n execute)`);
	const result = await n8n.execute(workflow.id);
	if (!result.run) {
		console.error(
			`n8n printed no run (exit ${result.code}):\n${tail(result.stdout + result.stderr)}`,
		);
		exitCode = 1;
	} else {
		exitCode = printSummary(workflow, result.run, sim) ? 0 : 1;
	}
	console.log(
		`\nDone in ${Math.round((Date.now() - started) / 1000)} s. Workflow file: test/e2e/workflows/demo.json`,
	);
	console.log('Try it in the editor: npm run sandbox');
} finally {
	await sim.close();
}
process.exitCode = exitCode;

/** One readable block: what each AFAS node returned, then what went over the wire. Returns false on a failure. */
function printSummary(workflow, run, sim) {
	const runData = run.data.resultData.runData;
	const afasNodes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-afas.afas');
	let ok = true;
	let rowsRead = 0;
	let errorsReported = 0;
	console.log(
		`\nAFAS node package ${pkg.manifest.name}@${pkg.version} in n8n ${installedN8nVersion(version)}, AFAS simulator ${sim.url}\n`,
	);
	for (const node of afasNodes) {
		const task = runData[node.name]?.[0];
		const label = node.name.padEnd(30);
		if (!task) {
			console.log(`  ${label} did not run`);
			ok = false;
			continue;
		}
		if (task.error) {
			console.log(`  ${label} FAILED: ${describeError(task.error)}`);
			ok = false;
			continue;
		}
		const items = task.data?.main?.[0] ?? [];
		const errors = items.filter((item) => typeof item.json.error === 'string');
		const files = items.filter((item) => item.binary);
		errorsReported += errors.length;
		let what;
		if (errors.length) what = `error reported as an item: "${errors[0].json.error}"`;
		else if (files.length) {
			const file = Object.values(files[0].binary)[0];
			what = `${files.length} file: ${file.fileName} (${file.mimeType}, ${file.bytes ?? file.fileSize})`;
		} else if (node.parameters.resource === 'system')
			what = `Profit version ${JSON.stringify(items[0]?.json)}`;
		else if (node.parameters.resource === 'updateConnector')
			what = `${items.length} record written, AFAS answered ${JSON.stringify(items[0]?.json)}`;
		else {
			rowsRead += items.length;
			const first = items[0]?.json ?? {};
			const sample = Object.entries(first)
				.slice(0, 3)
				.map(([key, value]) => `${key}=${JSON.stringify(value)}`)
				.join(', ');
			what = `${items.length} rows read${sample ? ` (first: ${sample})` : ''}`;
		}
		console.log(`  ${label} ${what}`);
	}
	const calls = sim.requests;
	const writes = calls.filter((r) => r.method !== 'GET' && /\/connectors\//i.test(r.path));
	const failed = calls.filter((r) => r.status >= 400);
	console.log(
		`\n  Rows read: ${rowsRead}. Records written: ${writes.length}. ` +
			`Errors reported: ${errorsReported}.`,
	);
	console.log(
		`  AFAS calls: ${calls.length} (${calls.filter((r) => r.product === 'profit').length} Profit, ` +
			`${calls.filter((r) => r.product === 'sb').length} SB), ${failed.length} answered with an error status.`,
	);
	return ok && errorsReported === 1 && writes.length === 1;
}
