// One isolated real n8n: its own user folder, encryption key, SQLite file and ports, with the packed
// n8n-nodes-afas installed where n8n's community-package installer puts it. Drives the n8n CLI and `n8n start`.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { NODE24, NODE24_BIN_DIR, cleanEnv, n8nBin } from '../install.mjs';

export const PACKAGE_NAME = 'n8n-nodes-afas';
export const OWNER = {
	email: 'owner@afas-e2e.test',
	firstName: 'AFAS',
	lastName: 'Tester',
	// Local throwaway instance only; n8n requires 8+ characters with a digit and an upper-case letter.
	password: 'AfasE2e-Passw0rd',
};

/** A TCP port nobody listens on right now: `preferred` when it is free, else one the OS picks. */
export async function freePort(preferred = 0) {
	if (preferred) {
		try {
			return await listenOnce(preferred);
		} catch {
			// taken: fall through to any free port
		}
	}
	return listenOnce(0);
}

function listenOnce(port) {
	return new Promise((resolvePromise, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(port, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolvePromise(port));
		});
	});
}

export class N8nInstance {
	/**
	 * @param {{ version: string, home: string, packageDir: string, logLevel?: string, preferredPort?: number }} options
	 *   home: the N8N_USER_FOLDER (wiped); packageDir: the unpacked `npm pack` output of the node package.
	 */
	constructor({ version, home, packageDir, logLevel, preferredPort = 0 }) {
		this.preferredPort = preferredPort;
		this.version = version;
		this.major = Number(version.split('.')[0]);
		this.home = home;
		this.packageDir = packageDir;
		// `n8n execute` prints the run JSON through its logger, which stays silent below `info`.
		this.logLevel = logLevel ?? 'info';
		this.bin = n8nBin(version);
		this.server = undefined;
	}

	/** Fresh user folder with the node package installed the way users get it. */
	async prepare() {
		rmSync(this.home, { recursive: true, force: true });
		const nodesDir = join(this.home, '.n8n', 'nodes');
		const target = join(nodesDir, 'node_modules', PACKAGE_NAME);
		mkdirSync(target, { recursive: true });
		cpSync(this.packageDir, target, { recursive: true });
		// n8n's installer records installed community packages in nodes/package.json; mirror that layout.
		writeFileSync(
			join(nodesDir, 'package.json'),
			JSON.stringify(
				{ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: 'file:' } },
				null,
				2,
			),
		);
		this.brokerPort = await freePort();
		this.port = await freePort(this.preferredPort);
		return this;
	}

	env(extra = {}) {
		return {
			...cleanEnv(),
			PATH: `${NODE24_BIN_DIR}:${process.env.PATH}`,
			// isolated-vm (expression evaluation) crashes on Node 24 with the startup snapshot enabled.
			NODE_OPTIONS: '--no-node-snapshot',
			N8N_USER_FOLDER: this.home,
			N8N_ENCRYPTION_KEY: 'afas-e2e-local-only-encryption-key',
			DB_TYPE: 'sqlite',
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `http://localhost:${this.port}/`,
			WEBHOOK_URL: `http://localhost:${this.port}/`,
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_LOG_LEVEL: this.logLevel,
			N8N_LOG_OUTPUT: 'console',
			N8N_NO_COLOR: 'true',
			NO_COLOR: '1',
			...extra,
		};
	}

	/** Runs `n8n <args>` to completion; resolves { code, stdout, stderr, ms } (never rejects on exit code). */
	cli(args, { timeoutMs = 180_000, env } = {}) {
		const started = Date.now();
		return new Promise((resolvePromise, reject) => {
			const child = spawn(NODE24, [this.bin, ...args], {
				env: this.env(env),
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (c) => (stdout += c));
			child.stderr.on('data', (c) => (stderr += c));
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.on('error', (error) => {
				clearTimeout(timer);
				reject(error);
			});
			child.on('close', (code, signal) => {
				clearTimeout(timer);
				resolvePromise({
					code: signal ? `signal ${signal}` : code,
					stdout,
					stderr,
					ms: Date.now() - started,
				});
			});
		});
	}

	async mustCli(args, options) {
		const result = await this.cli(args, options);
		if (result.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited with ${result.code}\n${tail(result.stdout + result.stderr)}`,
			);
		}
		return result;
	}

	async importCredentials(credentials) {
		const file = join(this.home, 'import-credentials.json');
		writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
		try {
			return await this.mustCli(['import:credentials', `--input=${file}`]);
		} finally {
			// n8n has stored them encrypted; the plain-text secrets must not stay on disk.
			rmSync(file, { force: true });
		}
	}

	async importWorkflows(workflows) {
		const file = join(this.home, 'import-workflows.json');
		writeFileSync(file, JSON.stringify(workflows, null, 2));
		return this.mustCli(['import:workflow', `--input=${file}`]);
	}

	/** `n8n execute --id … --rawOutput`; returns { code, run (parsed IRun or undefined), stdout, stderr, ms }. */
	async execute(workflowId) {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		return { ...result, run: parseRunJson(result.stdout) };
	}

	/** `n8n start` in the background; resolves once the REST API answers. */
	async start({ timeoutMs = 180_000 } = {}) {
		const child = spawn(NODE24, [this.bin, 'start'], {
			env: this.env({ N8N_LOG_LEVEL: 'warn' }),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.server = child;
		// Never leave an n8n behind, even when the harness itself crashes.
		const killOnExit = () => child.kill('SIGKILL');
		process.once('exit', killOnExit);
		child.once('exit', () => process.removeListener('exit', killOnExit));
		this.serverLog = '';
		child.stdout.on('data', (c) => (this.serverLog = (this.serverLog + c).slice(-20_000)));
		child.stderr.on('data', (c) => (this.serverLog = (this.serverLog + c).slice(-20_000)));
		const exited = new Promise((resolvePromise) =>
			child.once('exit', (code) => resolvePromise(code)),
		);
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const code = await Promise.race([exited, sleep(500).then(() => undefined)]);
			if (code !== undefined)
				throw new Error(`n8n start exited with ${code}\n${tail(this.serverLog)}`);
			try {
				// /healthz/readiness turns 200 once the DB is migrated, which can be before the REST routes are
				// mounted; /rest/settings (no auth) answers only when the editor's API is there.
				const ready = await fetch(`${this.url}/healthz/readiness`);
				const settings =
					ready.status === 200 ? await fetch(`${this.url}/rest/settings`) : undefined;
				if (settings?.status === 200) return this;
			} catch {
				// not listening yet
			}
		}
		throw new Error(
			`n8n did not become ready within ${timeoutMs / 1000} s\n${tail(this.serverLog)}`,
		);
	}

	get url() {
		return `http://localhost:${this.port}`;
	}

	async stop() {
		const child = this.server;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((resolvePromise) => child.once('exit', resolvePromise));
		child.kill('SIGTERM');
		const forced = sleep(15_000).then(() => child.exitCode === null && child.kill('SIGKILL'));
		await Promise.race([exited, forced]);
	}

	/** Creates the owner account over REST (400 = already set up) and returns the `n8n-auth` cookie header. */
	async setupOwner() {
		const setup = await fetch(`${this.url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (setup.status !== 200 && setup.status !== 400) {
			throw new Error(
				`POST /rest/owner/setup answered ${setup.status}: ${(await setup.text()).slice(0, 300)}`,
			);
		}
		return this.login();
	}

	async login() {
		const response = await fetch(`${this.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				emailOrLdapLoginId: OWNER.email,
				email: OWNER.email,
				password: OWNER.password,
			}),
		});
		if (response.status !== 200) {
			throw new Error(
				`POST /rest/login answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
			);
		}
		const cookie = (response.headers.getSetCookie?.() ?? [])
			.map((c) => c.split(';')[0])
			.find((c) => c.startsWith('n8n-auth='));
		if (!cookie) throw new Error('POST /rest/login set no n8n-auth cookie');
		this.cookie = cookie;
		return cookie;
	}

	/** Authenticated REST call against the running instance. */
	async rest(method, path, body) {
		const response = await fetch(`${this.url}/rest${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				cookie: this.cookie,
				'browser-id': 'afas-e2e',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, json, text };
	}
}

/**
 * The run JSON of `n8n execute --rawOutput`. Logger lines can precede it (and, at `info`, follow it), so take
 * the first line that opens a JSON object and parse the longest prefix of lines that is valid JSON.
 */
export function parseRunJson(stdout) {
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start++) {
		if (!lines[start].startsWith('{')) continue;
		for (let end = lines.length; end > start; end--) {
			const candidate = lines.slice(start, end).join('\n').trim();
			if (!candidate.endsWith('}')) continue;
			try {
				const parsed = JSON.parse(candidate);
				if (parsed && typeof parsed === 'object' && 'data' in parsed) return parsed;
			} catch {
				// try a shorter span
			}
		}
	}
	return undefined;
}

export function sleep(ms) {
	return new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
}

export function tail(text, chars = 3000) {
	return text.length > chars ? `…${text.slice(-chars)}` : text;
}

export function n8nInstalled(version) {
	return existsSync(n8nBin(version));
}
