// End-to-end test of the two trigger nodes in REAL n8n with ACTIVATED workflows (not `n8n execute`): the packed
// package installed like a community package, the AFAS simulator in this process, the three workflows in
// test/e2e/workflows/trigger-*.json imported and activated with the CLI (`update:workflow --active=true` on 1.x,
// `publish:workflow` on 2.x), then one `n8n start` per version:
//   - Profit poll: after the activation poll and the first scheduled tick, two persons change and one is added
//     -> exactly one execution holding exactly those three rows; a tick without changes -> no execution; one of
//     them changes again -> one execution with just that row
//   - SB poll: the same with organisations (created and updated through the SB simulator's own write handler)
//   - Profit webhook: a signed event -> 200 and one execution with its EventId; unsigned or wrongly signed -> 401
//     and no execution; a signed event of a type the node does not listen to -> 200, ignored, no execution
// Also measured (INFO, not pass/fail): whether a change made between the activation poll and the first scheduled
// tick is emitted, i.e. whether n8n keeps what the activation poll stored (see the research notes §7.2).
//
//   node test/e2e/triggers.mjs                                both versions (1.123.81, 2.41.1), one after the other
//   node test/e2e/triggers.mjs --versions 2.41.1
//   node test/e2e/triggers.mjs --only webhook                 profit | sb | webhook (comma-separated)
//   node test/e2e/triggers.mjs --versions 2.41.1+durable      2.41 with its opt-in durable poll cursors (scheduler)
//   AFAS_E2E_SKIP_BUILD=1 node test/e2e/triggers.mjs          reuse dist/ (CI builds once)
//
// Each version takes about 5 minutes: polls run once a minute (n8n's minimum) and the Profit and SB scenarios
// need five polls each (they run side by side). Ends with `N passed, N failed`.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
	CACHE_DIR,
	E2E_DIR,
	HOMES_DIR,
	REPO_DIR,
	SECOND_N8N_VERSION,
	DEFAULT_N8N_VERSION,
	ensureN8n,
	installedN8nVersion,
	sh,
} from './install.mjs';
import { Executions, RequestTimes } from './lib/executions.mjs';
import { N8nInstance, tail } from './lib/n8n.mjs';
import { simulatorCredentials, startSimulator } from './lib/simulator.mjs';

const require = createRequire(import.meta.url);
/** The SB simulator's write handlers: the same code a POST /api/organisation(s) runs, minus HTTP and auth. */
const sbWrites = require(join(REPO_DIR, 'test', 'simulator', 'sb', 'writes.js'));

const WORKFLOW_FILES = {
	profit: 'trigger-profit-poll.json',
	sb: 'trigger-sb-poll.json',
	webhook: 'trigger-profit-webhook.json',
};
const TRIGGER = 'AFAS Trigger';
const WEBHOOK_TRIGGER = 'AFAS Profit Webhook Trigger';
/** One tick is 60 s; allow for a slow machine and a poll that started just before we began to wait. */
const TICK_TIMEOUT_MS = 150_000;
/**
 * n8n 2.41's opt-in durable scheduler with durable poll cursors: static data is staged per poll and committed
 * with the execution (or alone when the poll returns nothing). Off by default; `<version>+durable` turns it on.
 */
const DURABLE_POLL_ENV = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
};

/** An isolated n8n with extra environment variables for every CLI call and `n8n start`. */
class TriggerN8n extends N8nInstance {
	constructor(options, extraEnv = {}) {
		super(options);
		this.extraEnv = extraEnv;
	}

	env(extra = {}) {
		return super.env({ ...this.extraEnv, ...extra });
	}
}

function parseArgs(argv) {
	const args = { versions: undefined, only: undefined };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--versions') args.versions = argv[++i];
		else if (argv[i] === '--only') args.only = argv[++i];
	}
	const list = (text) =>
		text
			.split(',')
			.map((v) => v.trim())
			.filter(Boolean);
	const versions = list(
		args.versions ??
			process.env.AFAS_E2E_N8N_VERSIONS ??
			`${DEFAULT_N8N_VERSION},${SECOND_N8N_VERSION}`,
	);
	const scenarios = args.only ? list(args.only) : Object.keys(WORKFLOW_FILES);
	for (const s of scenarios)
		if (!WORKFLOW_FILES[s])
			throw new Error(`--only ${s}: choose from ${Object.keys(WORKFLOW_FILES).join(', ')}`);
	return { versions, scenarios };
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const clock = (ms) => new Date(ms).toISOString().slice(11, 19);

/**
 * `npm run build` (unless AFAS_E2E_SKIP_BUILD=1) and `npm pack`, unpacked into a folder of its own, so a
 * run.mjs started at the same time (which wipes .cache/pack) cannot pull the package away under this run.
 */
async function packPackage() {
	if (process.env.AFAS_E2E_SKIP_BUILD !== '1') {
		console.log('• building the node package (npm run build)');
		await sh('npm', ['run', 'build'], { cwd: REPO_DIR, label: 'build', quiet: true });
	}
	const packDir = join(CACHE_DIR, 'pack-triggers');
	rmSync(packDir, { recursive: true, force: true });
	mkdirSync(packDir, { recursive: true });
	const out = await sh('npm', ['pack', '--json', '--pack-destination', packDir], {
		cwd: REPO_DIR,
		label: 'pack',
		quiet: true,
	});
	const info = JSON.parse(out.slice(out.indexOf('[')))[0];
	const dir = join(packDir, 'node_modules', 'n8n-nodes-afas');
	mkdirSync(dir, { recursive: true });
	await sh('tar', ['-xzf', join(packDir, info.filename), '-C', dir, '--strip-components=1'], {
		label: 'unpack',
		quiet: true,
	});
	const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
	const missing = manifest.n8n.nodes.filter((file) => !existsSync(join(dir, file)));
	if (missing.length)
		throw new Error(`the packed package lacks ${missing.join(', ')}: build it (npm run build)`);
	console.log(
		`• packed ${info.filename} (${info.entryCount} files): ${manifest.n8n.nodes.length} nodes`,
	);
	return { dir };
}


/** 1.x: `update:workflow --active=true`; 2.x: `publish:workflow` (the active version). Takes effect at `n8n start`. */
async function activate(n8n, workflow) {
	const args =
		n8n.major >= 2
			? ['publish:workflow', `--id=${workflow.id}`]
			: ['update:workflow', `--id=${workflow.id}`, '--active=true'];
	await n8n.mustCli(args);
}

/**
 * Step runner for one scenario: prints and records each step. `chained`: the steps build on each other, so after a
 * failure the rest is skipped.
 */
function scenario(name, version, results, { chained = true } = {}) {
	let broken = false;
	const say = (text) => console.log(`[${version} ${name}] ${text}`);
	const step = async (title, fn, { info = false } = {}) => {
		if (broken) {
			results.push({ version, name: `${name}: ${title}`, ok: false, skipped: true });
			say(`SKIP  ${title} (an earlier step failed)`);
			return undefined;
		}
		const started = Date.now();
		let ok = true;
		let detail;
		try {
			detail = await fn();
		} catch (error) {
			ok = info; // an observation that could not be made still says nothing about the node
			detail = error.message;
		}
		if (!ok && chained) broken = true;
		const label = info ? 'INFO' : ok ? 'PASS' : 'FAIL';
		results.push({ version, name: `${name}: ${title}`, ok, info, detail });
		say(`${label}  ${title} (${seconds(Date.now() - started)})`);
		if (detail) say(`      ${String(detail).split('\n').join('\n      ')}`);
		return detail;
	};
	return { step, say };
}

/** The executions so far, for the failure text: id, status, mode, and the keys of the rows they hold. */
async function describeExecutions(ex, workflowId, keyOf, nodeName = TRIGGER) {
	const lines = [];
	for (const e of await ex.list(workflowId)) {
		let rows;
		try {
			rows = (await ex.items(e.id, nodeName)).map(keyOf).join(', ');
		} catch (error) {
			rows = error.message;
		}
		lines.push(`#${e.id} ${e.status} (${e.mode}, ${e.startedAt}): ${rows}`);
	}
	return lines.length ? lines.join('\n') : 'no executions';
}

/** Exactly one new execution whose trigger items have exactly these keys (any order). */
async function expectOneExecution(ex, workflowId, known, expectedKeys, keyOf, nodeName = TRIGGER) {
	const fresh = await ex.waitForNew(workflowId, known, {
		atLeast: 1,
		timeoutMs: 30_000,
		settleMs: 5_000,
	});
	for (const e of fresh) known.add(String(e.id));
	const problem = async (text) =>
		new Error(
			`${text}\nexpected one execution with ${keyOfList(expectedKeys)}; executions of the workflow:\n${await describeExecutions(ex, workflowId, keyOf, nodeName)}`,
		);
	if (fresh.length !== 1) throw await problem(`${fresh.length} new executions`);
	const [execution] = fresh;
	if (execution.status !== 'success')
		throw await problem(`execution #${execution.id} ended ${execution.status}`);
	const items = await ex.items(execution.id, nodeName);
	const got = items.map(keyOf);
	const sorted = (list) => [...list].map(String).sort();
	if (JSON.stringify(sorted(got)) !== JSON.stringify(sorted(expectedKeys)))
		throw await problem(`execution #${execution.id} holds ${keyOfList(got)}`);
	return { execution, items };
}

const keyOfList = (keys) => (keys.length ? `[${keys.join(', ')}]` : 'no rows');

/** No new execution within `waitMs` (a late one is also caught by the next step's "exactly one"). */
async function expectNoExecution(
	ex,
	workflowId,
	known,
	keyOf,
	{ waitMs = 10_000, nodeName = TRIGGER } = {},
) {
	const fresh = await ex.waitForNew(workflowId, known, {
		atLeast: 1,
		timeoutMs: waitMs,
		settleMs: 0,
	});
	for (const e of fresh) known.add(String(e.id));
	if (fresh.length > 0)
		throw new Error(
			`expected no new execution, got ${fresh.map((e) => `#${e.id}`).join(', ')}; executions of the workflow:\n${await describeExecutions(ex, workflowId, keyOf, nodeName)}`,
		);
}

// ---- Profit poll ----------------------------------------------------------------------------------------------

const isProfitPoll = (r) =>
	r.product === 'profit' && r.method === 'GET' && r.path.includes('Profit_Persons');

/** What one Profit poll did: started from scratch (read the newest row) or read changes since its cursor. */
function profitPollKind(poll) {
	const reads = poll.requests.filter((r) => r.path.includes('/connectors/'));
	const init = reads.some((r) => String(r.query.orderbyfieldids ?? '').startsWith('-'));
	const since = reads.map((r) => r.query.filtervalues).find(Boolean);
	return init
		? `initialised its cursor (read the newest row, then >= ${since})`
		: `read changes >= ${since}`;
}

async function profitScenario({ sim, n8n, ex, times, readyAt, version, results }) {
	const workflowId = 'afasWfTrigProfit';
	const { step, say } = scenario('profit poll', version, results);
	const known = new Set();
	const keyOf = (row) => row.BcCo;
	const persons = sim.profit.rows('Profit_Persons').map((r) => r.BcCo);
	const [probeKey, changedA, changedB] = persons;
	let previous;

	await step('activation poll reads Profit_Persons, emits nothing', async () => {
		const poll = await times.waitForPoll(isProfitPoll, 1, { timeoutMs: TICK_TIMEOUT_MS });
		previous = poll;
		await expectNoExecution(ex, workflowId, known, keyOf, { waitMs: 3_000 });
		return `poll 1 at ${clock(poll.start)} (${seconds(poll.start - readyAt)} after n8n answered): ${poll.requests.length} requests, ${profitPollKind(poll)}`;
	});

	await step(
		'a change between the activation poll and the first scheduled tick',
		async () => {
			sim.profit.modify('Profit_Persons', probeKey, {
				Email: 'probe.before-first-tick@afas-e2e.test',
			});
			const poll = await times.waitForPoll(isProfitPoll, 2, { timeoutMs: TICK_TIMEOUT_MS });
			const gap = poll.start - previous.start;
			previous = poll;
			const fresh = await ex.waitForNew(workflowId, known, {
				atLeast: 1,
				timeoutMs: 10_000,
				settleMs: 2_000,
			});
			for (const e of fresh) known.add(String(e.id));
			const held = [];
			for (const e of fresh) held.push(...(await ex.items(e.id, TRIGGER)).map(keyOf));
			if (held.some((key) => key !== probeKey))
				throw new Error(
					`unexpected rows emitted at the first scheduled tick: ${keyOfList(held)} (only ${probeKey} changed)`,
				);
			const outcome = held.length
				? `EMITTED (execution ${fresh.map((e) => `#${e.id}`).join(', ')} with BcCo ${probeKey}): the activation poll's cursor was kept`
				: `NOT emitted: the activation poll's cursor was not kept, the change of BcCo ${probeKey} is lost`;
			return `poll 2 (first scheduled tick) at ${clock(poll.start)}, ${seconds(gap)} after poll 1, ${profitPollKind(poll)}\n${outcome}`;
		},
		{ info: true },
	);

	let inserted;
	await step(
		'two persons changed and one added -> one execution with exactly those 3 rows',
		async () => {
			sim.profit.modify('Profit_Persons', changedA, { Email: 'changed.a@afas-e2e.test' });
			sim.profit.modify('Profit_Persons', changedB, { LastName: 'Veranderd' });
			inserted = sim.profit.insert('Profit_Persons', { FirstName: 'Nieuw', LastName: 'Persoon' });
			say(
				`      changed BcCo ${changedA}, ${changedB}; added BcCo ${inserted.BcCo} at ${clock(Date.now())}`,
			);
			const poll = await times.waitForPoll(isProfitPoll, 3, { timeoutMs: TICK_TIMEOUT_MS });
			previous = poll;
			const { execution, items } = await expectOneExecution(
				ex,
				workflowId,
				known,
				[changedA, changedB, inserted.BcCo],
				keyOf,
			);
			const b = items.find((row) => row.BcCo === changedB);
			if (b?.LastName !== 'Veranderd')
				throw new Error(`row ${changedB} has LastName ${b?.LastName}, not the new value`);
			return `poll 3 at ${clock(poll.start)}, ${profitPollKind(poll)}; execution #${execution.id} (${execution.mode}): BcCo ${items.map(keyOf).join(', ')}`;
		},
	);

	await step('a tick without changes -> no execution', async () => {
		const poll = await times.waitForPoll(isProfitPoll, 4, { timeoutMs: TICK_TIMEOUT_MS });
		await expectNoExecution(ex, workflowId, known, keyOf);
		return `poll 4 at ${clock(poll.start)}, ${profitPollKind(poll)}`;
	});

	await step('one of them changed again -> one execution with just that row', async () => {
		sim.profit.modify('Profit_Persons', inserted.BcCo, { Email: 'changed.again@afas-e2e.test' });
		const poll = await times.waitForPoll(isProfitPoll, 5, { timeoutMs: TICK_TIMEOUT_MS });
		const { execution, items } = await expectOneExecution(
			ex,
			workflowId,
			known,
			[inserted.BcCo],
			keyOf,
		);
		if (items[0].Email !== 'changed.again@afas-e2e.test')
			throw new Error(`row has Email ${items[0].Email}`);
		return `poll 5 at ${clock(poll.start)}, ${profitPollKind(poll)}; execution #${execution.id}: BcCo ${inserted.BcCo}`;
	});
}

// ---- SB poll --------------------------------------------------------------------------------------------------

const isSbPoll = (r) => r.product === 'sb' && r.method === 'GET' && /organisation/i.test(r.path);

function sbPollKind(poll) {
	const token = poll.requests
		.map((r) => r.query.TrackingToken ?? r.query.trackingtoken)
		.find(Boolean);
	return token ? `sent TrackingToken ${token}` : 'sent no TrackingToken (a first poll)';
}

function createOrganisation(sim, name) {
	const answer = sbWrites.organisation.create(sim.sb.store, { Name: name });
	if (answer.result !== 'Succeeded')
		throw new Error(`SB simulator refused the organisation: ${JSON.stringify(answer)}`);
	return answer.data.RelationId;
}

function updateOrganisation(sim, id, fields) {
	const answer = sbWrites.organisation.update(sim.sb.store, { RelationId: id, ...fields });
	if (answer.result !== 'Succeeded')
		throw new Error(`SB simulator refused the update: ${JSON.stringify(answer)}`);
}

async function sbScenario({ sim, n8n, ex, times, readyAt, version, results }) {
	const workflowId = 'afasWfTrigSbOrg1';
	const { step, say } = scenario('sb poll', version, results);
	const known = new Set();
	const keyOf = (row) => row.Id;
	let previous;

	await step('activation poll reads organisations, emits nothing', async () => {
		const poll = await times.waitForPoll(isSbPoll, 1, { timeoutMs: TICK_TIMEOUT_MS });
		previous = poll;
		await expectNoExecution(ex, workflowId, known, keyOf, { waitMs: 3_000 });
		return `poll 1 at ${clock(poll.start)} (${seconds(poll.start - readyAt)} after n8n answered): ${poll.requests.length} requests, ${sbPollKind(poll)}`;
	});

	await step(
		'an organisation created between the activation poll and the first scheduled tick',
		async () => {
			const probe = createOrganisation(sim, 'Probe voor de eerste tick');
			const poll = await times.waitForPoll(isSbPoll, 2, { timeoutMs: TICK_TIMEOUT_MS });
			const gap = poll.start - previous.start;
			previous = poll;
			const fresh = await ex.waitForNew(workflowId, known, {
				atLeast: 1,
				timeoutMs: 10_000,
				settleMs: 2_000,
			});
			for (const e of fresh) known.add(String(e.id));
			const held = [];
			for (const e of fresh) held.push(...(await ex.items(e.id, TRIGGER)).map(keyOf));
			if (held.some((key) => key !== probe))
				throw new Error(
					`unexpected records emitted at the first scheduled tick: ${keyOfList(held)} (only ${probe} was created)`,
				);
			const outcome = held.length
				? `EMITTED (execution ${fresh.map((e) => `#${e.id}`).join(', ')}): the activation poll's TrackingToken was kept`
				: `NOT emitted: the activation poll's TrackingToken was not kept, organisation ${probe} is lost`;
			return `poll 2 (first scheduled tick) at ${clock(poll.start)}, ${seconds(gap)} after poll 1, ${sbPollKind(poll)}\n${outcome}`;
		},
		{ info: true },
	);

	let created;
	await step('an organisation created -> one execution with exactly it', async () => {
		created = createOrganisation(sim, 'Nieuwe Klant');
		say(`      created organisation ${created} at ${clock(Date.now())}`);
		const poll = await times.waitForPoll(isSbPoll, 3, { timeoutMs: TICK_TIMEOUT_MS });
		const { execution, items } = await expectOneExecution(ex, workflowId, known, [created], keyOf);
		if (!String(items[0].Name).startsWith('Nieuwe Klant'))
			throw new Error(`record has Name ${items[0].Name}`);
		return `poll 3 at ${clock(poll.start)}, ${sbPollKind(poll)}; execution #${execution.id} (${execution.mode}): ${items[0].Name}`;
	});

	await step('a tick without changes -> no execution', async () => {
		const poll = await times.waitForPoll(isSbPoll, 4, { timeoutMs: TICK_TIMEOUT_MS });
		await expectNoExecution(ex, workflowId, known, keyOf);
		return `poll 4 at ${clock(poll.start)}, ${sbPollKind(poll)}`;
	});

	await step('the organisation updated -> one execution with just it', async () => {
		updateOrganisation(sim, created, { EmailAddress: 'nieuw@afas-e2e.test' });
		const poll = await times.waitForPoll(isSbPoll, 5, { timeoutMs: TICK_TIMEOUT_MS });
		const { execution, items } = await expectOneExecution(ex, workflowId, known, [created], keyOf);
		if (items[0].EmailAddress !== 'nieuw@afas-e2e.test')
			throw new Error(`record has EmailAddress ${items[0].EmailAddress}`);
		return `poll 5 at ${clock(poll.start)}, ${sbPollKind(poll)}; execution #${execution.id}: ${created}`;
	});
}

// ---- Profit webhook -------------------------------------------------------------------------------------------

async function webhookScenario({ sim, n8n, ex, version, results }) {
	const workflowId = 'afasWfTrigProfWh';
	const workflow = JSON.parse(
		readFileSync(join(E2E_DIR, 'workflows', WORKFLOW_FILES.webhook), 'utf8'),
	);
	const url = `${n8n.url}/webhook/${workflow.nodes[0].webhookId}/afas-profit`;
	const { step } = scenario('profit webhook', version, results, { chained: false });
	const known = new Set();
	const keyOf = (item) => `${item.EventType} ${item.EventId}`;
	const send = async (options) => {
		const answer = await sim.profit.sendWebhook({ url, ...options });
		return {
			...answer,
			text: `${answer.status}${answer.error ? ` (${answer.error})` : ''} ${answer.body.slice(0, 120)}`,
		};
	};

	await step('signed subject.created -> 200 and one execution with its EventId', async () => {
		const answer = await send({ eventType: 'subject.created' });
		if (answer.status !== 200) throw new Error(`POST ${url} answered ${answer.text}`);
		const { execution, items } = await expectOneExecution(
			ex,
			workflowId,
			known,
			[`subject.created ${answer.eventId}`],
			keyOf,
			WEBHOOK_TRIGGER,
		);
		return `${answer.text}; execution #${execution.id} (${execution.mode}): EventId ${items[0].EventId}`;
	});

	await step('missing signature -> 401, invalid signature -> 401, no execution', async () => {
		const missing = await send({ eventType: 'subject.updated', signature: 'missing' });
		const invalid = await send({ eventType: 'subject.updated', signature: 'invalid' });
		if (missing.status !== 401 || invalid.status !== 401)
			throw new Error(`expected 401 twice; missing: ${missing.text}; invalid: ${invalid.text}`);
		await expectNoExecution(ex, workflowId, known, keyOf, {
			waitMs: 8_000,
			nodeName: WEBHOOK_TRIGGER,
		});
		return `missing: ${missing.text}; invalid: ${invalid.text}`;
	});

	await step(
		'signed workflow.task.entered (not selected) -> 200 ignored, no execution',
		async () => {
			const answer = await send({ eventType: 'workflow.task.entered' });
			if (answer.status !== 200 || !/"ignored":\s*true/.test(answer.body))
				throw new Error(`expected 200 {"received":true,"ignored":true}, got ${answer.text}`);
			await expectNoExecution(ex, workflowId, known, keyOf, {
				waitMs: 8_000,
				nodeName: WEBHOOK_TRIGGER,
			});
			return answer.text;
		},
	);
}

// ---- one version ----------------------------------------------------------------------------------------------

const SCENARIOS = { profit: profitScenario, sb: sbScenario, webhook: webhookScenario };

async function runVersion(spec, { sim, pkg, scenarios, results }) {
	const started = Date.now();
	// `version` names the run in the output (`2.41.1+durable`); `n8nVersion` is the n8n that runs.
	const version = spec;
	const [n8nVersion, variant] = spec.split('+');
	if (variant && variant !== 'durable')
		throw new Error(`--versions ${spec}: the only variant is +durable`);
	const n8n = new TriggerN8n(
		{ version: n8nVersion, home: join(HOMES_DIR, `triggers-${spec}`), packageDir: pkg.dir },
		variant === 'durable' ? DURABLE_POLL_ENV : {},
	);
	console.log(
		`\n== n8n ${installedN8nVersion(n8nVersion)}${variant ? ` with ${Object.keys(DURABLE_POLL_ENV).join(', ')}` : ''} (user folder ${n8n.home})`,
	);
	const workflows = scenarios.map((s) =>
		JSON.parse(readFileSync(join(E2E_DIR, 'workflows', WORKFLOW_FILES[s]), 'utf8')),
	);
	const setup = async (title, fn) => {
		const t = Date.now();
		try {
			const detail = await fn();
			console.log(
				`[${version}] ok    ${title} (${seconds(Date.now() - t)})${detail ? `: ${detail}` : ''}`,
			);
		} catch (error) {
			results.push({ version, name: `setup: ${title}`, ok: false, detail: error.message });
			console.log(
				`[${version}] FAIL  ${title} (${seconds(Date.now() - t)})\n      ${error.message}`,
			);
			throw error;
		}
	};
	let times;
	try {
		await setup('prepare user folder, import credentials and workflows', async () => {
			await n8n.prepare();
			await n8n.importCredentials(simulatorCredentials(sim));
			await n8n.importWorkflows(workflows);
		});
		await setup(
			`activate ${workflows.length} workflows (${n8n.major >= 2 ? 'publish:workflow' : 'update:workflow --active=true'})`,
			async () => {
				for (const workflow of workflows) await activate(n8n, workflow);
			},
		);
		sim.clearRequests();
		sim.clearFaults();
		times = new RequestTimes(sim);
		await setup('n8n start', async () => {
			await n8n.start();
			await n8n.setupOwner();
		});
		const readyAt = Date.now();
		const ex = new Executions(n8n);
		await setup('workflows active', async () => {
			const states = [];
			for (const workflow of workflows) {
				const { status, json } = await n8n.rest('GET', `/workflows/${workflow.id}`);
				const data = json?.data ?? {};
				const active = data.active === true || Boolean(data.activeVersionId);
				if (status !== 200 || !active)
					throw new Error(
						`${workflow.id} is not active (${status}): ${JSON.stringify(data).slice(0, 200)}\n${tail(n8n.serverLog ?? '', 2000)}`,
					);
				states.push(workflow.id);
			}
			return states.join(', ');
		});
		const context = { sim, n8n, ex, times, readyAt, version, results };
		await Promise.all(scenarios.map((s) => SCENARIOS[s](context)));
	} catch (error) {
		if (!results.some((r) => r.version === version && !r.ok)) {
			results.push({ version, name: 'run', ok: false, detail: error.stack ?? error.message });
			console.log(`[${version}] FAIL  ${error.stack ?? error.message}`);
		}
	} finally {
		times?.stop();
		const failed = results.some((r) => r.version === version && !r.ok);
		if (failed && n8n.serverLog)
			console.log(`[${version}] n8n log (tail):\n${tail(n8n.serverLog, 3000)}`);
		await n8n.stop();
	}
	console.log(`   n8n ${version}: ${seconds(Date.now() - started)} in all`);
}

async function main() {
	const { versions, scenarios } = parseArgs(process.argv.slice(2));
	console.log(
		`AFAS trigger E2E in real n8n (activated workflows): n8n ${versions.join(', ')}; ${scenarios.join(', ')}`,
	);
	const t0 = Date.now();
	for (const version of new Set(versions.map((v) => v.split('+')[0]))) await ensureN8n(version);
	const pkg = await packPackage();
	const sim = await startSimulator();
	console.log(`• simulator on ${sim.url}`);
	const results = [];
	try {
		for (const version of versions) await runVersion(version, { sim, pkg, scenarios, results });
	} finally {
		await sim.close();
	}
	const counted = results.filter((r) => !r.info);
	const passed = counted.filter((r) => r.ok).length;
	const failed = counted.length - passed;
	console.log('\n== summary');
	for (const r of results)
		console.log(
			`${r.info ? 'INFO' : r.ok ? 'PASS' : r.skipped ? 'SKIP' : 'FAIL'}  n8n ${r.version}  ${r.name}`,
		);
	for (const r of results.filter((x) => x.info))
		console.log(`INFO  n8n ${r.version}  ${String(r.detail).split('\n').pop()}`);
	console.log(`total ${seconds(Date.now() - t0)}`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 || counted.length === 0 ? 1 : 0;
}

main().catch((error) => {
	console.error(error.stack ?? error);
	console.log('0 passed, 1 failed');
	process.exitCode = 1;
});
