import type { ProfitFilterGroups } from '../../../../nodes/Afas/wire/profit/filter';
import {
	buildGetConnectorQuery,
	MAX_URL_LENGTH,
	planGetConnectorQuery,
} from '../../../../nodes/Afas/wire/profit/query';
import { inputError } from '../../../helpers/errors';

const PREFIX = 'https://12345.rest.afas.online/ProfitRestServices/connectors/Profit_Debtor'.length;

const simple: ProfitFilterGroups = [[{ field: 'Name', operator: 'contains', value: 'AFAS' }]];
const needsJson: ProfitFilterGroups = [[{ field: 'Name', operator: 'equals', value: 'A, B; C' }]];

/** A filter whose URL is exactly `length` characters long with the given skip and take. */
function filterOfLength(length: number, skip: number, take: number): ProfitFilterGroups {
	const probe = (value: string) =>
		buildGetConnectorQuery({
			filter: [[{ field: 'Name', operator: 'equals', value }]],
			sort: [{ field: 'Id' }],
			skip,
			take,
			urlPrefixLength: PREFIX,
		}).query.length;
	const base = PREFIX + 1 + probe('x') - 1;
	return [[{ field: 'Name', operator: 'equals', value: 'x'.repeat(length - base) }]];
}

describe('GetConnector query plan (built and checked once per read)', () => {
	it.each([
		['no filter', undefined],
		['simple lists', simple],
		['filterjson', needsJson],
	])('gives every page the query a one-page build gives it (%s)', (_name, filter) => {
		const plan = planGetConnectorQuery({
			filter,
			sort: [{ field: 'Id', descending: true }],
			urlPrefixLength: PREFIX,
			largestSkip: 3000,
			largestTake: 1000,
		});
		for (const [skip, take] of [
			[0, 1000],
			[1000, 1000],
			[3000, 250],
		]) {
			const single = buildGetConnectorQuery({
				filter,
				sort: [{ field: 'Id', descending: true }],
				skip,
				take,
				urlPrefixLength: PREFIX,
			});
			expect(plan.page(skip, take)).toBe(single.query);
			expect(plan.usesFilterJson).toBe(single.usesFilterJson);
		}
	});

	it('refuses, at planning, a filter that fits the first page but not the largest one', () => {
		const filter = filterOfLength(MAX_URL_LENGTH, 0, 1000);
		// The first page alone fits exactly ...
		expect(
			PREFIX +
				1 +
				buildGetConnectorQuery({
					filter,
					sort: [{ field: 'Id' }],
					skip: 0,
					take: 1000,
					urlPrefixLength: PREFIX,
				}).query.length,
		).toBe(MAX_URL_LENGTH);
		// ... but a read that may reach skip 999 999 999 is refused before its first page is built.
		const error = inputError(() =>
			planGetConnectorQuery({
				filter,
				sort: [{ field: 'Id' }],
				urlPrefixLength: PREFIX,
				largestSkip: 999_999_999,
				largestTake: 1000,
			}),
		);
		expect(error.field).toBe('Filters');
		expect(error.message).toContain(`AFAS accepts at most ${MAX_URL_LENGTH}`);
	});

	it('checks the sort and the paging values at planning, not per page', () => {
		expect(
			inputError(() =>
				planGetConnectorQuery({
					sort: [{ field: 'Id' }, { field: 'Id' }],
					urlPrefixLength: PREFIX,
					largestSkip: 0,
					largestTake: 10,
				}),
			).field,
		).toBe('Sort');
		expect(
			inputError(() =>
				planGetConnectorQuery({ urlPrefixLength: PREFIX, largestSkip: 0, largestTake: 0 }),
			).field,
		).toBe('Page Size');
	});

	it('sends skip=-1&take=-1 on every page of a Fetch in One Request plan', () => {
		const plan = planGetConnectorQuery({
			filter: simple,
			urlPrefixLength: PREFIX,
			largestSkip: -1,
			largestTake: -1,
			fetchAll: true,
		});
		expect(plan.page(-1, -1)).toBe(
			'skip=-1&take=-1&filterfieldids=Name&filtervalues=AFAS&operatortypes=6',
		);
	});
});
