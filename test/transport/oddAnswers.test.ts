import type { Fault } from '../simulator';
import { byId, node, profitLoadOptions, runProfit, runSb, thrownBy } from '../node/setup';
import { useSimulator } from '../helpers/simulator';
import { expectNoSecret, requestsTo, simulatorSecrets } from './safety';

/**
 * A 2xx answer that is not what AFAS sends (a proxy's login page, a body cut off mid-stream, null, an empty
 * body, a wrong shape) must be an error saying what came back, never "no rows", an empty version or an
 * empty connector list. Each read path of the node is tried with each kind of odd answer.
 */
const sim = useSimulator();

// Truncated reads are retried three times with back-off (0.5 + 1 + 2 s).
jest.setTimeout(30_000);

const { listSearch, loadOptions } = node.methods;

interface Target {
	path: RegExp;
	run: () => Promise<unknown>;
}

const targets: Record<string, Target> = {
	'Profit GetConnector read': {
		path: /\/connectors\/Profit_Administrations$/,
		run: async () =>
			await runProfit(sim, {
				parameters: {
					resource: 'getConnector',
					operation: 'getAll',
					connector: byId('Profit_Administrations'),
					limit: 2,
				},
			}),
	},
	'Profit field loader (/metainfo/get)': {
		path: /\/metainfo\/get\/Profit_Administrations$/,
		run: async () =>
			await loadOptions.getConnectorFields.call(
				profitLoadOptions(sim, {
					resource: 'getConnector',
					operation: 'getAll',
					connector: byId('Profit_Administrations'),
				}),
			),
	},
	'Profit connector search (/metainfo)': {
		path: /\/ProfitRestServices\/metainfo$/,
		run: async () =>
			await listSearch.searchGetConnectors.call(
				profitLoadOptions(sim, {
					resource: 'getConnector',
					operation: 'getAll',
				}),
			),
	},
	'Profit version': {
		path: /\/profitversion$/,
		run: async () =>
			await runProfit(sim, {
				parameters: { resource: 'system', operation: 'getProfitVersion' },
			}),
	},
	'SB list': {
		path: /\/scope\/api\/countries$/,
		run: async () =>
			await runSb(sim, {
				resource: 'referenceData',
				operation: 'getMany',
				sbResource: 'country',
				limit: 5,
			}),
	},
	'Profit file download': {
		path: /\/fileconnector\//,
		run: async () =>
			await runProfit(sim, {
				parameters: {
					resource: 'file',
					operation: 'getFile',
					fileId: 'F64BB8E942BBC5E94FC747904E19FE1B',
					fileName: 'Invoice3734.pdf',
				},
			}),
	},
};

const json = 'application/json; charset=utf-8';
const LOGIN_PAGE =
	'<!DOCTYPE html><html><head><title>Sign in</title></head><body><form>Sign in to the company proxy</form></body></html>';

interface OddAnswer {
	fault: Fault;
	message: RegExp;
	description?: RegExp;
	/** Requests that reach the target path: reads cut off mid-stream are retried like a reset. */
	requests: number;
}

const oddAnswers: Record<string, OddAnswer> = {
	'an HTML login page': {
		fault: { type: 'answer', body: LOGIN_PAGE },
		message:
			/Unexpected answer from AFAS \(HTTP 200, text\/html; charset=utf-8\): the answer is not JSON/,
		description: /starts with: <!DOCTYPE html>.*Sign in to the company proxy.*login page/,
		requests: 1,
	},
	null: {
		fault: { type: 'answer', contentType: json, body: 'null' },
		message: /\(HTTP 200, application\/json; charset=utf-8\): the answer is null/,
		requests: 1,
	},
	'an empty body': {
		fault: { type: 'answer', contentType: json, body: '' },
		message: /\(HTTP 200, application\/json; charset=utf-8\): the answer is empty/,
		requests: 1,
	},
	'plain text': {
		fault: { type: 'answer', contentType: 'text/plain', body: 'OK' },
		message: /\(HTTP 200, text\/plain\): the answer is not JSON/,
		description: /starts with: OK/,
		requests: 1,
	},
	'a body cut off without a length (closed cleanly)': {
		fault: { type: 'truncated', lengthHeader: false },
		message: /The answer from AFAS was cut off before its end \(HTTP 200, application\/json/,
		description: /arrived before the connection broke off\. Tried 4 times/,
		requests: 4,
	},
	'a body cut off under its Content-Length': {
		fault: { type: 'truncated' },
		message: /The answer from AFAS was cut off before its end \(HTTP 200, application\/json/,
		description: /Tried 4 times/,
		requests: 4,
	},
};

const cases = Object.entries(targets).flatMap(([targetName, target]) =>
	Object.entries(oddAnswers).map(([answerName, answer]) => ({
		targetName,
		target,
		answerName,
		answer,
	})),
);

describe('Odd 2xx answers are errors, on every read path', () => {
	it.each(cases)('$targetName: $answerName', async ({ target, answer }) => {
		sim.addFault({ ...answer.fault, match: { path: target.path } } as Fault);
		const error = await thrownBy(target.run);
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toMatch(answer.message);
		if (answer.description) expect(String(error.description)).toMatch(answer.description);
		expect(error.httpCode).toBe('200');
		expect(requestsTo(sim, target.path)).toBe(answer.requests);
		expectNoSecret(error, simulatorSecrets(sim));
	});

	it.each(Object.entries(targets))(
		'%s: a read cut off once is retried and then succeeds',
		async (_name, target) => {
			sim.addFault({
				type: 'truncated',
				times: 1,
				match: { path: target.path },
			});
			await expect(target.run()).resolves.toBeDefined();
			expect(requestsTo(sim, target.path)).toBe(2);
		},
	);
});

const wrongShapes: Array<[string, string, RegExp, Target]> = [
	[
		'Profit GetConnector read',
		'{"rows":{}}',
		/"rows" is missing or not a list/,
		targets['Profit GetConnector read'],
	],
	[
		'Profit GetConnector read',
		'{"skip":0,"take":2}',
		/"rows" is missing or not a list/,
		targets['Profit GetConnector read'],
	],
	[
		'Profit GetConnector read',
		'{"rows":[1,2]}',
		/an entry of "rows" is not an object/,
		targets['Profit GetConnector read'],
	],
	[
		'Profit GetConnector read',
		'[]',
		/the answer is not a JSON object/,
		targets['Profit GetConnector read'],
	],
	[
		'Profit field loader (/metainfo/get)',
		'{"fields":{}}',
		/"fields" is missing or not a list/,
		targets['Profit field loader (/metainfo/get)'],
	],
	[
		'Profit field loader (/metainfo/get)',
		'{"fields":[{"label":"No id"}]}',
		/an entry of "fields" has no "id"/,
		targets['Profit field loader (/metainfo/get)'],
	],
	[
		'Profit connector search (/metainfo)',
		'{"getConnectors":{}}',
		/"getConnectors" is not a list/,
		targets['Profit connector search (/metainfo)'],
	],
	[
		'Profit connector search (/metainfo)',
		'{}',
		/neither "getConnectors" nor "updateConnectors"/,
		targets['Profit connector search (/metainfo)'],
	],
	[
		'Profit connector search (/metainfo)',
		'{"getConnectors":[{"description":"x"}]}',
		/an entry of "getConnectors" has no "id"/,
		targets['Profit connector search (/metainfo)'],
	],
	['Profit version', '{}', /"version" is missing or not a text/, targets['Profit version']],
	[
		'Profit version',
		'{"version":""}',
		/"version" is missing or not a text/,
		targets['Profit version'],
	],
	[
		'Profit version',
		'{"version":22}',
		/"version" is missing or not a text/,
		targets['Profit version'],
	],
	['SB list', '{"rows":[]}', /neither a list nor \{"Result": \[\.\.\.\]\}/, targets['SB list']],
	['SB list', '{"TrackingToken":"1","Result":{}}', /neither a list nor/, targets['SB list']],
	['SB list', '[1,2]', /an entry of the list is not an object/, targets['SB list']],
	[
		'Profit file download',
		'"filedata"',
		/the answer is not a JSON object or list/,
		targets['Profit file download'],
	],
];

describe('Answers of the wrong shape are errors naming what is wrong', () => {
	it.each(wrongShapes)('%s answering %s', async (_name, body, detail, target) => {
		sim.addFault({
			type: 'answer',
			contentType: json,
			body,
			match: { path: target.path },
		});
		const error = await thrownBy(target.run);
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toMatch(
			/^Unexpected answer from AFAS \(HTTP 200, application\/json; charset=utf-8\): /,
		);
		expect(error.message).toMatch(detail);
		expect(String(error.description)).toContain(body.slice(0, 20));
		expect(requestsTo(sim, target.path)).toBe(1);
		expectNoSecret(error, simulatorSecrets(sim));
	});

	it('reads an UpdateConnector description only when every level has fieldIds', async () => {
		const path = /\/metainfo\/update\/KnSubject$/;
		sim.addFault({
			type: 'answer',
			contentType: json,
			body: '{"name":"KnSubject","fields":[{"fieldId":"StId"}],"objects":[{"name":"KnSubjectLink","fields":[{"label":"no id"}]}]}',
			match: { path },
		});
		const error = await thrownBy(() =>
			runProfit(sim, {
				parameters: {
					resource: 'metainfo',
					operation: 'describeUpdateConnector',
					updateConnector: byId('KnSubject'),
				},
			}),
		);
		expect(error.message).toMatch(/an entry of "fields" has no "fieldId"/);
		expect(requestsTo(sim, path)).toBe(1);
	});
});
