#!/usr/bin/env node
/**
 * `npm run simulator -- [flags]`: runs the AFAS simulator (Profit + SB) until Ctrl-C and prints ready-to-use
 * credentials. The credentials are the simulator's own fixed test values, never real ones.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startSimulator } = require('./index.js');

const HELP = `Usage: npm run simulator -- [options]

  --port N               port to listen on (default 4010; 0 = any free port)
  --host H               interface to bind (default 127.0.0.1)
  --latency MS           add MS milliseconds to every response
  --latency-random A-B   add a random delay between A and B milliseconds to every response
  --fail-503 N           answer the next N requests with 503 + retry_after
  --fail-503-after N     handle the next N requests fully (writes stored), then answer 503 instead
  --retry-after S        seconds in those 503 answers (default 1)
  --lock N               answer the next N Profit requests with a 500 "record locked" error
  --reset N              reset the connection of the next N requests
  --hang N               never answer the next N requests
  --unsorted-paging M    'drift' (default: unsorted Profit paging repeats/skips rows, as AFAS warns) or 'stable'
  --sb-tie-order M       'drift' (default: SB rows tying on the sort field change order per request) or 'stable'
  --sub-second M         how Profit prints stored milliseconds: 'truncate' (default) or 'round' to whole seconds
  --send-webhook URL     send one signed Profit webhook to URL, print the answer and exit (no server stays up)
  --event-type T         its EventType (default test.executed; subject.created, workflow.task.entered, ...)
  --webhook-data JSON    its Data object (default: realistic values from the seeded dossier items)
  --webhook-signature S  'valid' (default), 'invalid' (wrong password) or 'missing' (no header)
  --quiet                do not print each request
  --help                 this text
`;

function parseArgs(argv) {
	const args = { port: 4010, host: '127.0.0.1', quiet: false };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const next = () => {
			const value = argv[++i];
			if (value === undefined) throw new Error(`${flag} needs a value`);
			return value;
		};
		const count = () => {
			const value = Number(next());
			if (!Number.isInteger(value) || value < 0) throw new Error(`${flag} needs a whole number`);
			return value;
		};
		switch (flag) {
			case '--port':
				args.port = count();
				break;
			case '--host':
				args.host = next();
				break;
			case '--latency':
				args.latency = count();
				break;
			case '--latency-random': {
				const match = /^(\d+)-(\d+)$/.exec(next());
				if (!match || Number(match[1]) > Number(match[2]))
					throw new Error('--latency-random needs MIN-MAX, e.g. 50-500');
				args.latencyRandom = [Number(match[1]), Number(match[2])];
				break;
			}
			case '--fail-503':
				args.fail503 = count();
				break;
			case '--fail-503-after':
				args.fail503After = count();
				break;
			case '--sb-tie-order':
				args.sbTieOrder = next();
				if (!['drift', 'stable'].includes(args.sbTieOrder))
					throw new Error("--sb-tie-order is 'drift' or 'stable'");
				break;
			case '--retry-after':
				args.retryAfter = count();
				break;
			case '--lock':
				args.lock = count();
				break;
			case '--reset':
				args.reset = count();
				break;
			case '--hang':
				args.hang = count();
				break;
			case '--unsorted-paging':
				args.unsortedPaging = next();
				if (!['drift', 'stable'].includes(args.unsortedPaging))
					throw new Error("--unsorted-paging is 'drift' or 'stable'");
				break;
			case '--sub-second':
				args.subSecond = next();
				if (!['truncate', 'round'].includes(args.subSecond))
					throw new Error("--sub-second is 'truncate' or 'round'");
				break;
			case '--send-webhook':
				args.sendWebhook = next();
				break;
			case '--event-type':
				args.eventType = next();
				break;
			case '--webhook-data':
				args.webhookData = JSON.parse(next());
				break;
			case '--webhook-signature':
				args.webhookSignature = next();
				if (!['valid', 'invalid', 'missing'].includes(args.webhookSignature))
					throw new Error("--webhook-signature is 'valid', 'invalid' or 'missing'");
				break;
			case '--quiet':
				args.quiet = true;
				break;
			case '--help':
			case '-h':
				args.help = true;
				break;
			default:
				throw new Error(`Unknown option ${flag}`);
		}
	}
	return args;
}

function printCredentials(sim) {
	const profit = sim.credentials.profit;
	const sb = sim.credentials.sb;
	const lines = [
		'AFAS simulator running',
		'',
		`  Profit base URL   ${sim.profitUrl}`,
		`  SB base URL       ${sim.sbUrl}${sb ? `   (environment '${sb.environment}': ${sim.sbUrl}/${sb.environment}/...)` : ''}`,
		'',
		'Profit (credential "AFAS Profit API", environment "custom", base URL above)',
		`  environment        ${profit.environmentNumber} (${profit.envid})`,
		`  token (XML)        ${profit.token}`,
		`  token (Base64)     ${profit.tokenBase64}`,
		`  token data (hex)   ${profit.tokenData}`,
		`  OAuth client id    ${profit.clientId}`,
		`  OAuth secret       ${profit.clientSecret}`,
		`  restricted token   ${profit.restrictedToken}   (IP-restricted app connector: 403)`,
		`  OTP                apiKey ${profit.otp.apiKey}, apiToken ${profit.otp.environmentKey}, userId ${profit.otp.userId}`,
		`  webhook password   ${profit.webhookPassword}   (signs X-Profit-Signature-256; POST ${sim.url}/__simulator/webhook sends one)`,
		'  GetConnectors      Profit_Persons, Profit_Organisations, Profit_Contacts, Profit_Debtor, Profit_Employees,',
		'                     Profit_Subjects, Profit_Subject_Attachments, Profit_Administrations, Profit_Demo (12 345 rows),',
		'                     Profit_Transactions (100 000 rows x 20 columns), Profit_SalesOrders, Profit_SalesOrderLines;',
		'                     not linked: Profit_Salaries',
		'  UpdateConnectors   KnPerson, KnOrganisation, KnSubject, FbSales, FiEntries, KnEmployee; not linked: KnUser',
	];
	if (sb) {
		lines.push('', 'SB (credential "AFAS SB API", server "custom", base URL above)');
		for (const [key, value] of Object.entries(sb)) {
			if (typeof value === 'string') lines.push(`  ${key.padEnd(18)} ${value}`);
		}
	}
	lines.push('', 'Ctrl-C stops the simulator.', '');
	console.log(lines.join('\n'));
}

function addCliFaults(sim, args) {
	if (args.latency !== undefined) sim.addFault({ type: 'latency', ms: args.latency });
	if (args.latencyRandom)
		sim.addFault({ type: 'latency', minMs: args.latencyRandom[0], maxMs: args.latencyRandom[1] });
	if (args.fail503)
		sim.addFault({ type: 'unavailable', times: args.fail503, retryAfter: args.retryAfter ?? 1 });
	if (args.fail503After)
		sim.addFault({
			type: 'unavailable',
			afterHandling: true,
			times: args.fail503After,
			retryAfter: args.retryAfter ?? 1,
		});
	if (args.lock) sim.addFault({ type: 'lock', times: args.lock, match: { product: 'profit' } });
	if (args.reset) sim.addFault({ type: 'reset', times: args.reset });
	if (args.hang) sim.addFault({ type: 'hang', times: args.hang });
}

/** Prints each finished request from the (already redacted) request log. */
function followLog(sim) {
	let printed = 0;
	const timer = setInterval(() => {
		while (printed < sim.requests.length && sim.requests[printed].status !== undefined) {
			const entry = sim.requests[printed++];
			const query = new URLSearchParams(
				Object.entries(entry.query).flatMap(([key, value]) =>
					Array.isArray(value) ? value.map((v) => [key, v]) : [[key, value]],
				),
			).toString();
			console.log(
				`${new Date().toISOString()} ${entry.product.padEnd(6)} ${entry.method} ${entry.path}${query ? `?${query}` : ''} -> ${entry.status}`,
			);
		}
		if (sim.requests.length > 10000) {
			sim.clearRequests();
			printed = 0;
		}
	}, 250);
	timer.unref();
}

/** One-shot: a throw-away simulator signs and sends the event (the password is the same fixed value). */
async function sendOneWebhook(args, profitSeed) {
	const sim = await startSimulator({ port: 0, host: '127.0.0.1', seed: { profit: profitSeed } });
	try {
		const result = await sim.profit.sendWebhook({
			url: args.sendWebhook,
			eventType: args.eventType,
			data: args.webhookData,
			signature: args.webhookSignature,
		});
		console.log(`sent      ${result.requestBody}`);
		console.log(
			`answer    ${result.status}${result.error ? ` (${result.error})` : ''} ${result.body}`,
		);
		process.exitCode = result.status >= 200 && result.status < 300 ? 0 : 1;
	} finally {
		await sim.close();
	}
}

async function main() {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`${error.message}\n\n${HELP}`);
		process.exit(2);
	}
	if (args.help) {
		console.log(HELP);
		return;
	}
	const profitSeed = {
		...(args.unsortedPaging ? { unsortedPaging: args.unsortedPaging } : {}),
		...(args.subSecond ? { subSecond: args.subSecond } : {}),
	};
	if (args.sendWebhook) {
		await sendOneWebhook(args, profitSeed);
		return;
	}
	const sim = await startSimulator({
		port: args.port,
		host: args.host,
		seed: { profit: profitSeed },
		...(args.sbTieOrder ? { sbTieOrder: args.sbTieOrder } : {}),
	});
	addCliFaults(sim, args);
	printCredentials(sim);
	if (!args.quiet) followLog(sim);
	const stop = async () => {
		await sim.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
