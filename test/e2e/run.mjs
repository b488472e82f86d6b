// Headless end-to-end test in REAL n8n: the packed node package installed like a community package, the AFAS
// simulator on 127.0.0.1, credentials and workflows imported with the n8n CLI, each workflow run with
// `n8n execute --id … --rawOutput`, and assertions on the AFAS node's output items.
//
//   node test/e2e/run.mjs                          n8n 1.123.81
//   node test/e2e/run.mjs --versions 1.123.81,2.41.1
//   AFAS_E2E_N8N_VERSIONS=1.123.81,2.41.1 node test/e2e/run.mjs
//   node test/e2e/run.mjs --only profit-token      run the workflows whose file name contains this text
//
// Installs what is missing (Node 24 + n8n into test/e2e/.cache/). Ends with `N passed, N failed`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CASES } from './cases.mjs';
import { HOMES_DIR, DEFAULT_N8N_VERSION, E2E_DIR, ensureN8n, installedN8nVersion } from './install.mjs';
import { N8nInstance, tail } from './lib/n8n.mjs';
import { packNodePackage } from './lib/package.mjs';
import { simulatorCredentials, startSimulator } from './lib/simulator.mjs';
import { nodeOutput } from './lib/run-data.mjs';

const WORKFLOW_DIR = join(E2E_DIR, 'workflows');

function parseArgs(argv) {
	const args = { versions: undefined, only: undefined };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--versions') args.versions = argv[++i];
		else if (argv[i] === '--only') args.only = argv[++i];
	}
	const versions = (args.versions ?? process.env.AFAS_E2E_N8N_VERSIONS ?? DEFAULT_N8N_VERSION)
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	return { versions, only: args.only };
}

function loadWorkflows() {
	const byFile = new Map();
	for (const file of readdirSync(WORKFLOW_DIR).filter((f) => f.endsWith('.json')).sort()) {
		byFile.set(file, JSON.parse(readFileSync(join(WORKFLOW_DIR, file), 'utf8')));
	}
	return byFile;
}

async function runVersion(version, { sim, pkg, workflows, cases, results }) {
	const started = Date.now();
	const n8n = new N8nInstance({ version, home: join(HOMES_DIR, `home-${version}`), packageDir: pkg.dir });
	await n8n.prepare();
	console.log(`\n== n8n ${installedN8nVersion(version)} (user folder ${n8n.home})`);
	try {
		await n8n.importCredentials(simulatorCredentials(sim));
		await n8n.importWorkflows(cases.map((c) => workflows.get(c.file)));
	} catch (error) {
		console.log(`FAIL  n8n ${version}  importing credentials/workflows: ${error.message}`);
		for (const c of cases) results.push({ version, name: c.file, ok: false, detail: `setup failed: ${error.message}` });
		return;
	}
	for (const c of cases) {
		const workflow = workflows.get(c.file);
		sim.clearRequests();
		sim.clearFaults();
		if (c.setup) c.setup(sim);
		const result = await n8n.execute(workflow.id);
		let ok = false;
		let detail;
		try {
			if (!result.run) {
				throw new Error(`no run JSON (exit ${result.code})\n${tail(result.stdout + result.stderr, 1500)}`);
			}
			const items = nodeOutput(result.run, c.node ?? 'AFAS');
			detail = c.check({ items, run: result.run, sim, n8n, exitCode: result.code });
			ok = true;
			// The items are right; say so when the CLI still ended badly (n8n 2.41 on Node 24 sometimes segfaults
			// while shutting down after printing the run).
			if (result.code !== 0) detail += ` [n8n execute exited with ${result.code} after printing the run]`;
		} catch (error) {
			detail = error.message;
		}
		results.push({ version, name: c.file, title: c.title, ok, detail, ms: result.ms });
		console.log(`${ok ? 'PASS' : 'FAIL'}  n8n ${version}  ${c.file}  (${(result.ms / 1000).toFixed(1)} s)  ${c.title}`);
		if (detail) console.log(`      ${String(detail).split('\n').join('\n      ')}`);
	}
	console.log(`   n8n ${version}: ${((Date.now() - started) / 1000).toFixed(0)} s including imports`);
}

async function main() {
	const { versions, only } = parseArgs(process.argv.slice(2));
	const workflows = loadWorkflows();
	const cases = CASES.filter((c) => !only || c.file.includes(only));
	for (const c of cases) {
		if (!workflows.has(c.file)) throw new Error(`case ${c.file}: no such workflow in ${WORKFLOW_DIR}`);
	}
	console.log(`AFAS real-n8n E2E: n8n ${versions.join(', ')}; ${cases.length} workflows`);
	const t0 = Date.now();
	for (const version of versions) await ensureN8n(version);
	const pkg = await packNodePackage();
	const sim = await startSimulator();
	console.log(`• simulator on ${sim.url}`);
	const results = [];
	try {
		for (const version of versions) await runVersion(version, { sim, pkg, workflows, cases, results });
	} finally {
		await sim.close();
	}
	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	console.log('\n== summary');
	for (const r of results) console.log(`${r.ok ? 'PASS' : 'FAIL'}  n8n ${r.version}  ${r.name}`);
	console.log(`total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 || results.length === 0 ? 1 : 0;
}

main().catch((error) => {
	console.error(error.stack ?? error);
	console.log('0 passed, 1 failed');
	process.exitCode = 1;
});
