/**
 * SB reads through the real node against the simulator: filters as SB reads them on the wire, change tracking,
 * paging that cannot lose or repeat records (lists without a unique field; a sort on a repeating field), Get by
 * the list's unique field, the older singular endpoints and the Accept-Version override.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../helpers/afas';
import { useSimulator } from '../helpers/simulator';
import type { LoggedRequest } from './setup';
import { jsonOf, node, runSb, sbCredentials, thrownBy } from './setup';

// The simulator's default tie order ('drift') is what makes a page boundary inside equal values lose records.
const sim = useSimulator();

type Row = Record<string, unknown>;
const rows = (table: string): Row[] => sim.sb.rows<Row>(table);

const HOLDING = '701b747b-eea2-5ed1-8518-973e5c670252';

function apiCalls(resource: string): LoggedRequest[] {
	return sim.requests.filter((request) => request.path.toLowerCase() === `/scope/api/${resource}`);
}

async function run(parameters: INodeParameters, items?: INodeExecutionData[]) {
	const { output } = await runNode(node, {
		parameters: { product: 'sb', ...parameters },
		credentials: sbCredentials(sim),
		items,
	});
	return output[0];
}

function ids(items: INodeExecutionData[], field = 'Id'): string[] {
	return jsonOf(items).map((row) => String(row[field]));
}

const organisations = { resource: 'relations', sbResource: 'organisation' };
const countries = { resource: 'referenceData', sbResource: 'country', operation: 'getMany' };
const journalEntries = { resource: 'finance', sbResource: 'journalEntry' };

/** Creates an organisation through the node; returns its row as the simulator stores it. */
async function createOrganisation(name: string): Promise<Row> {
	const [created] = jsonOf(
		await runSb(sim, {
			...organisations,
			operation: 'create',
			fields: { mappingMode: 'defineBelow', value: { Name: name } },
		}),
	);
	const row = rows('organisations').find((candidate) => candidate.Id === created.id);
	if (!row) throw new Error(`organisation ${String(created.id)} was not stored`);
	return row;
}

describe('AFAS SB → Get Many: filters as SB reads them', () => {
	it("quotes text with '' for a quote and writes a boolean bare", async () => {
		const row = await createOrganisation("'t Hooge Huys & Zn");
		sim.clearRequests();
		const items = await run({
			...organisations,
			operation: 'getMany',
			returnAll: true,
			filters: {
				conditions: [
					{ field: 'Name', operator: 'eq', value: String(row.Name) },
					{ field: 'IsArchived', operator: 'eq', value: 'false' },
				],
			},
		});
		expect(apiCalls('organisations')[0].query.filter).toBe(
			`Name eq '''t Hooge Huys & Zn (${String(row.RelationId)})' and IsArchived eq false`,
		);
		expect(ids(items)).toEqual([row.Id]);
	});

	it('writes a GUID, a number and a date unquoted, and SB returns the matching lines', async () => {
		const items = await run({
			...journalEntries,
			operation: 'getMany',
			returnAll: true,
			filters: {
				conditions: [
					{ field: 'AdministrationId', operator: 'eq', value: HOLDING.toUpperCase() },
					{ field: 'AmountCredit', operator: 'gt', value: '150' },
					{ field: 'PostingDate', operator: 'lt', value: '2024-06-01' },
				],
			},
		});
		expect(apiCalls('journalentries')[0].query.filter).toBe(
			`AdministrationId eq ${HOLDING.toUpperCase()} and AmountCredit gt 150 and PostingDate lt 2024-06-01`,
		);
		const expected = rows('journalentries').filter(
			(row) =>
				row.AdministrationId === HOLDING &&
				Number(row.AmountCredit) > 150 &&
				String(row.PostingDate) < '2024-06-01',
		);
		expect(expected.length).toBeGreaterThan(0);
		expect(ids(items, 'LineId').sort()).toEqual(expected.map((row) => String(row.LineId)).sort());
	});

	it('writes a GUID unquoted also on a field the spec declares as plain text (HeaderId)', async () => {
		const header = String(rows('journalentries')[2].HeaderId);
		const items = await run({
			...journalEntries,
			operation: 'getMany',
			returnAll: true,
			filters: { conditions: [{ field: 'HeaderId', operator: 'eq', value: header }] },
		});
		expect(apiCalls('journalentries')[0].query.filter).toBe(`HeaderId eq ${header}`);
		expect(ids(items, 'LineId').sort()).toEqual(
			rows('journalentries')
				.filter((row) => row.HeaderId === header)
				.map((row) => String(row.LineId))
				.sort(),
		);
	});

	it('joins the rows with "or" for Any Condition', async () => {
		const items = await run({
			...countries,
			matchType: 'or',
			filters: {
				conditions: [
					{ field: 'CodeISOAlpha2', operator: 'eq', value: 'NL' },
					{ field: 'CodeISOAlpha2', operator: 'eq', value: 'BE' },
				],
			},
		});
		expect(apiCalls('countries')[0].query.filter).toBe(
			"CodeISOAlpha2 eq 'NL' or CodeISOAlpha2 eq 'BE'",
		);
		expect(
			jsonOf(items)
				.map((row) => row.CodeISOAlpha2)
				.sort(),
		).toEqual(['BE', 'NL']);
	});

	it("puts the rows and the user's own filter each in parentheses, so an or stays inside", async () => {
		const items = await run({
			...countries,
			filters: { conditions: [{ field: 'Description', operator: 'eq', value: 'België' }] },
			options: { rawFilter: "CodeISOAlpha2 eq 'NL' or CodeISOAlpha2 eq 'BE'" },
		});
		expect(apiCalls('countries')[0].query.filter).toBe(
			"(CodeISOAlpha2 eq 'NL' or CodeISOAlpha2 eq 'BE') and (Description eq 'België')",
		);
		// Without the parentheses SB would read NL or (BE and België) and return the Netherlands too.
		expect(jsonOf(items).map((row) => row.CodeISOAlpha2)).toEqual(['BE']);
	});

	it.each([
		['a word on a number field', 'AmountCredit', 'veel', /AmountCredit.*number/],
		['a non-GUID on a uuid field', 'LedgerAccountId', '1300', /LedgerAccountId.*GUID/],
		['a non-date on a date field', 'PostingDate', '2024-02-30', /PostingDate.*date/],
	])('refuses %s as "Filters" before any request', async (_name, field, value, detail) => {
		const error = await thrownBy(() =>
			run({
				...journalEntries,
				operation: 'getMany',
				filters: { conditions: [{ field, operator: 'eq', value }] },
			}),
		);
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toMatch(/^Filters/);
		expect(error.message).toMatch(detail);
		expect(sim.requests).toEqual([]);
	});
});

describe('AFAS SB → Get Many: change tracking', () => {
	it('returns every organisation once with the TrackingToken, then only what changed since it', async () => {
		const all = await run({
			...organisations,
			operation: 'getMany',
			returnAll: true,
			options: { pageSize: 100 },
		});
		const stored = rows('organisations');
		expect(ids(all).sort()).toEqual(stored.map((row) => String(row.Id)).sort());
		expect(new Set(ids(all)).size).toBe(stored.length);
		const token = String(all[0].json.TrackingToken);
		expect(token).toMatch(/^\d{9,}$/);
		expect(all.every((item) => item.json.TrackingToken === token)).toBe(true);

		const changed = await createOrganisation('Nieuw Sinds Token B.V.');
		sim.clearRequests();
		const since = await run({
			...organisations,
			operation: 'getMany',
			returnAll: true,
			trackingToken: token,
		});
		expect(apiCalls('organisations')[0].query.TrackingToken).toBe(token);
		expect(ids(since)).toEqual([changed.Id]);
		const newer = String(since[0].json.TrackingToken);
		expect(BigInt(newer)).toBeGreaterThan(BigInt(token));
	});

	it('offers no tracking token on an untracked list: none is sent and none is output', async () => {
		const cursor = `${20240205}08565910`;
		const items = await run({ ...countries, trackingToken: cursor, limit: 2 });
		expect(apiCalls('countries')[0].query).not.toHaveProperty('TrackingToken');
		expect(items.every((item) => !('TrackingToken' in item.json))).toBe(true);
	});
});

describe('AFAS SB → Get Many: paging that loses no record', () => {
	function keyOf(row: IDataObject | Row): string {
		return JSON.stringify(
			Object.keys(row)
				.sort()
				.map((key) => [key, row[key]]),
		);
	}

	it.each([
		['referenceData', 'invoiceVatRate', 'invoicevatrate'],
		['sales', 'debtorBalance', 'debtorbalance'],
	])(
		'reads %s/%s (no unique field) in one request, complete and without duplicates',
		async (resource, sbResource, table) => {
			const items = await run({
				resource,
				sbResource,
				operation: 'getMany',
				returnAll: true,
				options: { pageSize: 4 },
			});
			const calls = apiCalls(table);
			expect(calls).toHaveLength(1);
			expect(Number(calls[0].query.take)).toBeGreaterThan(rows(table).length);
			const got = jsonOf(items).map(keyOf).sort();
			expect(new Set(got).size).toBe(got.length);
			expect(got).toEqual(rows(table).map(keyOf).sort());
		},
	);

	it('sorts such a list on a repeating field in the same one request', async () => {
		const items = await run({
			resource: 'referenceData',
			sbResource: 'invoiceVatRate',
			operation: 'getMany',
			returnAll: true,
			options: { pageSize: 4, sortField: 'AdministrationCountryId', sortDirection: 'descending' },
		});
		const [call] = apiCalls('invoicevatrate');
		expect(apiCalls('invoicevatrate')).toHaveLength(1);
		expect(call.query.sortField).toBe('AdministrationCountryId descending');
		const got = jsonOf(items);
		expect(got.map(keyOf).sort()).toEqual(rows('invoicevatrate').map(keyOf).sort());
		const sortedBy = got.map((row) => String(row.AdministrationCountryId));
		expect(sortedBy).toEqual([...sortedBy].sort().reverse());
	});

	it('pages organisations sorted on Name by Id, then sorts them by Name itself', async () => {
		const items = await run({
			...organisations,
			operation: 'getMany',
			returnAll: true,
			options: { pageSize: 40, sortField: 'Name' },
		});
		const stored = rows('organisations');
		const calls = apiCalls('organisations');
		expect(calls.length).toBe(Math.floor(stored.length / 40) + 1);
		expect(calls.every((call) => call.query.sortField === 'Id ascending')).toBe(true);
		expect(ids(items).sort()).toEqual(stored.map((row) => String(row.Id)).sort());
		const names = jsonOf(items).map((row) => String(row.Name));
		const collator = new Intl.Collator('nl', { sensitivity: 'base' });
		for (let index = 1; index < names.length; index++)
			expect(collator.compare(names[index - 1], names[index])).toBeLessThanOrEqual(0);
	});

	it('reads a Limit with a sort of its own in one request of take = Limit', async () => {
		const items = await run({
			...organisations,
			operation: 'getMany',
			limit: 7,
			options: { pageSize: 3, sortField: 'Name', sortDirection: 'descending' },
		});
		const calls = apiCalls('organisations');
		expect(calls).toHaveLength(1);
		expect(calls[0].query).toMatchObject({ skip: '0', take: '7', sortField: 'Name descending' });
		const expected = [...rows('organisations')]
			.sort((a, b) => String(a.Name).localeCompare(String(b.Name), 'nl', { sensitivity: 'base' }))
			.reverse()
			.slice(0, 7)
			.map((row) => String(row.Id));
		expect(ids(items)).toEqual(expected);
	});
});

describe('AFAS SB → Get (one record by its unique field)', () => {
	it('reads one organisation by Id', async () => {
		const row = rows('organisations')[3];
		const items = await run({ ...organisations, operation: 'get', recordId: String(row.Id) });
		expect(jsonOf(items)).toEqual([{ ...row }]);
		expect(apiCalls('organisations')[0].query).toMatchObject({
			filter: `Id eq ${String(row.Id)}`,
			take: '2',
		});
	});

	it('says the record does not exist when none matches', async () => {
		const missing = '0f8fad5b-d9cb-469f-a165-70867728950e';
		const error = await thrownBy(() =>
			run({ ...organisations, operation: 'get', recordId: missing }),
		);
		expect(error.message).toBe(`AFAS SB has no organisation with Id ${missing}`);
		expect(String(error.description)).toContain('Check the ID');
	});

	it('reads a journal entry line by LineId, its unique field', async () => {
		const row = rows('journalentries')[5];
		const items = await run({ ...journalEntries, operation: 'get', recordId: String(row.LineId) });
		expect(ids(items, 'LineId')).toEqual([row.LineId]);
		expect(apiCalls('journalentries')[0].query).toMatchObject({
			filter: `LineId eq ${String(row.LineId)}`,
			sortField: 'LineId ascending',
		});
	});

	it('reads a cash register by InstanceId, a GUID SB declares as plain text: unquoted, as SB writes GUIDs', async () => {
		const row = rows('cashregisters')[1];
		const items = await run({
			resource: 'finance',
			sbResource: 'cashRegister',
			operation: 'get',
			recordId: String(row.InstanceId),
		});
		expect(jsonOf(items)).toEqual([{ ...row }]);
		expect(apiCalls('cashregisters')[0].query.filter).toBe(
			`InstanceId eq ${String(row.InstanceId)}`,
		);
	});

	it('refuses an ID that is not a GUID before any request, naming the ID field', async () => {
		const error = await thrownBy(() =>
			run({ ...organisations, operation: 'get', recordId: 'Noord Design' }),
		);
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toMatch(/\bID\b/);
		expect(error.message).not.toMatch(/Filters/);
		expect(sim.requests).toEqual([]);
	});
});

describe('AFAS SB → older endpoints and Accept-Version', () => {
	it('reads addresses from the older singular path with its own columns', async () => {
		const items = await run({
			resource: 'relations',
			sbResource: 'address',
			operation: 'getManyLegacy',
			returnAll: true,
		});
		const calls = apiCalls('address');
		expect(calls).toHaveLength(1);
		expect(apiCalls('addresses')).toHaveLength(0);
		expect(calls[0].headers['accept-version']).toBe('1.0');
		expect(ids(items).sort()).toEqual(
			rows('addresses')
				.map((row) => String(row.Id))
				.sort(),
		);
		const stored = rows('addresses').find((row) => row.Id === items[0].json.Id) as Row;
		expect(items[0].json).toMatchObject({ City: stored.CityName, Country: stored.CountryName });
	});

	it('sends the Accept-Version set under Options instead of the catalogue version', async () => {
		const items = await run({ ...countries, limit: 1, options: { acceptVersion: '1' } });
		expect(apiCalls('countries')[0].headers['accept-version']).toBe('1');
		expect(items).toHaveLength(1);
		sim.clearRequests();
		const error = await thrownBy(() =>
			run({ ...countries, limit: 1, options: { acceptVersion: '7.2' } }),
		);
		expect(apiCalls('countries')[0].headers['accept-version']).toBe('7.2');
		expect(error.message).toContain('Accept-Version 7.2 wordt niet ondersteund');
		expect(error.httpCode).toBe('400');
	});

	it('refuses an Accept-Version that is no version before any request', async () => {
		const error = await thrownBy(() =>
			run({ ...countries, limit: 1, options: { acceptVersion: 'latest' } }),
		);
		expect(error.message).toContain('Accept-Version');
		expect(sim.requests).toEqual([]);
	});
});
