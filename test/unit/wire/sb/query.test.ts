import { buildSbListQuery } from '../../../../nodes/Afas/wire/sb/query';

describe('SB list query', () => {
	it("sends skip, take and the spec's sortField (not the how-tos' sort=Field+Ascending)", () => {
		expect(buildSbListQuery({ skip: 0, take: 100, sortField: 'Id ascending' })).toBe(
			'skip=0&take=100&sortField=Id%20ascending',
		);
	});

	it('encodes the filter so that &, = and + cannot break the query', () => {
		const query = buildSbListQuery({
			skip: 200,
			take: 50,
			sortField: 'Name descending',
			filter: "Name eq 'A&B=C+D'",
		});
		expect(query).toBe(
			"skip=200&take=50&sortField=Name%20descending&filter=Name%20eq%20'A%26B%3DC%2BD'",
		);
		const parsed = new URLSearchParams(query);
		expect(parsed.get('filter')).toBe("Name eq 'A&B=C+D'");
		expect(parsed.get('sortField')).toBe('Name descending');
	});

	it('leaves out an empty filter', () => {
		expect(buildSbListQuery({ skip: 0, take: 1, sortField: 'Id ascending', filter: '' })).toBe(
			'skip=0&take=1&sortField=Id%20ascending',
		);
	});
});
