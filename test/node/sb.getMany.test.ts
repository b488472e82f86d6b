import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { runNode } from '../helpers/afas';
import type { SbSim } from '../simulator/sb/testHelpers';
import { connectedSbOAuth2Credential } from '../simulator/sb/testHelpers';
import { jsonOf, node, runSb, sbCredentials, thrownBy } from './setup';
import { useSimulator } from '../helpers/simulator';

const sim = useSimulator();

function apiReads(resource: string) {
	return sim.requests.filter((request) => request.path.toLowerCase() === `/scope/api/${resource}`);
}

describe('AFAS SB → Get Many', () => {
	it('pages a tracked resource (TrackingToken envelope) with Accept-Version, sorted by Id by default', async () => {
		const all = (sim.sb as { rows(table: string): Array<{ Id: string }> }).rows('organisations');
		const items = await runSb(sim, {
			resource: 'relations',
			operation: 'getMany',
			sbResource: 'organisation',
			returnAll: true,
			options: { pageSize: 100 },
		});
		const ids = jsonOf(items).map((row) => row.Id as string);
		expect(ids).toHaveLength(all.length);
		expect(new Set(ids).size).toBe(all.length);
		expect(ids).toEqual([...ids].sort());
		const reads = apiReads('organisations');
		expect(reads.length).toBe(Math.floor(all.length / 100) + 1);
		expect(reads[0].headers['accept-version']).toBe('2.0');
		expect(reads[0].query).toMatchObject({ skip: '0', take: '100', sortField: 'Id ascending' });
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('reads a plain-array resource with a filter, a sort and a limit', async () => {
		const items = await runSb(sim, {
			resource: 'referenceData',
			operation: 'getMany',
			sbResource: 'country',
			filters: { conditions: [{ field: 'CodeISOAlpha2', operator: 'eq', value: 'NL' }] },
			options: { sortField: 'Description', sortDirection: 'descending' },
			limit: 10,
		});
		expect(jsonOf(items).map((row) => row.CodeISOAlpha2)).toEqual(['NL']);
		const [read] = apiReads('countries');
		expect(read.headers['accept-version']).toBe('1.0');
		expect(read.query).toMatchObject({
			filter: "CodeISOAlpha2 eq 'NL'",
			sortField: 'Description descending',
			take: '10',
		});
	});

	it('honours a Limit across pages: the last take is what is left', async () => {
		const items = await runSb(sim, {
			resource: 'relations',
			operation: 'getMany',
			sbResource: 'organisation',
			limit: 25,
			options: { pageSize: 10 },
		});
		expect(items).toHaveLength(25);
		expect(apiReads('organisations').map((read) => [read.query.skip, read.query.take])).toEqual([
			['0', '10'],
			['10', '10'],
			['20', '5'],
		]);
	});

	it('sends a filter with &, = and + intact', async () => {
		const items = await runSb(sim, {
			resource: 'referenceData',
			operation: 'getMany',
			sbResource: 'country',
			options: { rawFilter: "Description eq 'A&B=C+D'" },
		});
		expect(items).toHaveLength(0);
		const [read] = apiReads('countries');
		expect(read.query).toMatchObject({
			filter: "Description eq 'A&B=C+D'",
			sortField: 'Id ascending',
			skip: '0',
			take: '50',
		});
	});

	it("shows SB's own message for a bad filter", async () => {
		const error = await thrownBy(() =>
			runSb(sim, {
				resource: 'referenceData',
				operation: 'getMany',
				sbResource: 'country',
				options: { rawFilter: 'Description has 1' },
			}),
		);
		expect(error.message).toBe('Ongeldig gebruikersfilter.');
		expect(error.httpCode).toBe('400');
		expect(String(error.description)).toContain('AntaUserException');
	});

	it('names the likely cause of a 403: the app lacks the bundle for this resource', async () => {
		const credentials = sbCredentials(sim);
		credentials.afasSbApi.token = String(sim.credentials.sb.restrictedAppToken);
		const error = await thrownBy(() =>
			runNode(node, {
				parameters: {
					product: 'sb',
					resource: 'referenceData',
					operation: 'getMany',
					sbResource: 'ledgerAccount',
				},
				credentials,
			}),
		);
		expect(error.message).toBe('De ingelogde gebruiker heeft niet voldoende rechten.');
		expect(error.httpCode).toBe('403');
		expect(String(error.description)).toMatch(/NotAuthorizedException.*not granted the bundle/);
		expect(JSON.stringify(error.context)).not.toContain(credentials.afasSbApi.token);
	});

	it('reads with the AFAS SB OAuth2 credential when Authentication is OAuth2', async () => {
		const credential = await connectedSbOAuth2Credential(sim as unknown as SbSim);
		sim.clearRequests();
		const { output } = await runNode(node, {
			parameters: {
				product: 'sb',
				authentication: 'afasSbOAuth2Api',
				resource: 'referenceData',
				operation: 'getMany',
				sbResource: 'country',
				filters: { conditions: [{ field: 'codeisoalpha2', operator: 'eq', value: 'BE' }] },
			},
			credentials: { afasSbOAuth2Api: credential as ICredentialDataDecryptedObject },
		});
		expect(jsonOf(output[0]).map((row) => row.CodeISOAlpha2)).toEqual(['BE']);
		expect(apiReads('countries')[0].headers.authorization).toBe('Bearer ***');
	});
});
