/**
 * SB editor look-ups through n8n's real LoadOptionsContext against the simulator: the list fields for filters and
 * sort (the unique one marked), and the resource mapper fields of a write (required marks, enums as options,
 * nested lists with their row fields, AdministrationId from the environment).
 */
import type { INodeParameters, ResourceMapperField } from 'n8n-workflow';

import { loadOptionsContext } from '../helpers/afas';
import { useSimulator } from '../helpers/simulator';
import { node, sbCredentials } from './setup';

const sim = useSimulator();
const { loadOptions, resourceMapping } = node.methods;

function context(parameters: INodeParameters) {
	const credentials = sbCredentials(sim);
	// The editor sends the node's parameters with their defaults; n8n-core checks the credential's display options
	// (product and authentication) against them.
	return loadOptionsContext(node, {
		parameters: { product: 'sb', authentication: 'afasSbApi', ...parameters },
		credentials,
	});
}

async function writeFields(parameters: INodeParameters) {
	const { fields } = await resourceMapping.getSbWriteFields.call(context(parameters));
	const byId = (id: string) => {
		const field = fields.find((candidate) => candidate.id === id);
		if (!field) throw new Error(`no mapper field ${id}`);
		return field;
	};
	return { fields, byId };
}

describe('AFAS SB editor look-ups', () => {
	it('lists the row fields of the chosen list and marks the unique one', async () => {
		const options = await loadOptions.getSbListFields.call(
			context({ resource: 'relations', sbResource: 'organisation', operation: 'getMany' }),
		);
		expect(options.map((option) => option.value)).toEqual([
			'Id',
			'Name',
			'CocNumber',
			'VatNumber',
			'PhoneNumber',
			'EmailAddress',
			'SbiCode',
			'RelationId',
			'ExternalId',
			'IsArchived',
		]);
		const unique = options.filter((option) => /unique per record/.test(String(option.description)));
		expect(unique.map((option) => option.value)).toEqual(['Id']);
		expect(options.find((option) => option.value === 'IsArchived')?.description).toBe('bool');
		// Field lists come from the catalogue: nothing is asked of SB.
		expect(sim.requests).toEqual([]);
	});

	it('marks LineId on journal entries and nothing on a list without a unique field', async () => {
		const journal = await loadOptions.getSbListFields.call(
			context({ resource: 'finance', sbResource: 'journalEntry', operation: 'getMany' }),
		);
		expect(
			journal.filter((option) => /unique/.test(String(option.description))).map((o) => o.value),
		).toEqual(['LineId']);
		const rates = await loadOptions.getSbListFields.call(
			context({ resource: 'referenceData', sbResource: 'invoiceVatRate', operation: 'getMany' }),
		);
		expect(rates.map((option) => option.value)).toEqual([
			'AdministrationCountryId',
			'LedgerAccountId',
			'VatRateId',
		]);
		expect(rates.some((option) => /unique/.test(String(option.description)))).toBe(false);
	});

	it('lists the fields of the older singular endpoint for Get Many (Older Endpoint)', async () => {
		const options = await loadOptions.getSbListFields.call(
			context({ resource: 'relations', sbResource: 'address', operation: 'getManyLegacy' }),
		);
		expect(options.map((option) => option.value)).toEqual(
			expect.arrayContaining(['City', 'Country', 'StreetName']),
		);
		expect(options.map((option) => option.value)).not.toContain('CityName');
	});

	describe('resource mapper of Create Sales Journal Entry', () => {
		const salesEntry = { resource: 'sales', sbResource: 'salesJournalEntry', operation: 'create' };

		it('marks the required fields and only those', async () => {
			const { fields } = await writeFields(salesEntry);
			expect(fields.filter((field) => field.required).map((field) => field.id)).toEqual([
				'AdministrationId',
				'InvoiceDate',
				'InvoiceNumber',
				'RelationType',
				'RelationId',
				'InvoiceLine',
			]);
			expect(fields.map((field) => field.id)).toEqual(
				expect.arrayContaining(['Reference', 'Description', 'PaymentConditionId', 'Attachments']),
			);
			for (const field of fields)
				expect(field).toMatchObject({
					display: true,
					defaultMatch: false,
					canBeUsedToMatch: false,
				});
		});

		it('offers enum fields as options, the empty value named', async () => {
			const { byId } = await writeFields(salesEntry);
			expect(byId('RelationType')).toMatchObject({
				type: 'options',
				options: [
					{ name: 'organisation', value: 'organisation' },
					{ name: 'person', value: 'person' },
					{ name: 'unknown', value: 'unknown' },
				],
			});
			const payment = byId('PaymentMethod');
			expect(payment.type).toBe('options');
			expect(payment.options).toContainEqual({ name: 'ideal', value: 'ideal' });
			expect(payment.options).toContainEqual({ name: '(empty)', value: '' });
		});

		it('gives InvoiceLine and Attachments as lists with their row fields in the name', async () => {
			const { byId } = await writeFields(salesEntry);
			expect(byId('InvoiceLine')).toMatchObject({
				type: 'array',
				required: true,
				displayName:
					'InvoiceLine (list of LedgerAccountId*, Description, AmountExcludingVat*, AmountVat, VatType*, IntraCommunityType, VatCalculation)',
			});
			expect(byId('Attachments')).toMatchObject({
				type: 'array',
				required: false,
				displayName: 'Attachments (list of AttachmentId*)',
			});
			expect(byId('InvoiceDate').type).toBe('string');
		});

		it("offers AdministrationId as the environment's administrations", async () => {
			const { byId } = await writeFields(salesEntry);
			const administrations = sim.sb.rows<{ Id: string; Description: string }>('administrations');
			expect(byId('AdministrationId')).toMatchObject<Partial<ResourceMapperField>>({
				type: 'options',
				required: true,
				options: administrations.map((row) => ({
					name: `${row.Description} (${row.Id})`,
					value: row.Id,
				})),
			});
			const reads = sim.requests.filter((request) =>
				/\/scope\/api\/administrations$/i.test(request.path),
			);
			expect(reads).toHaveLength(1);
			expect(reads[0].headers['accept-version']).toBe('1.0');
		});
	});

	it('leaves AdministrationId free text when the app may not read the administrations', async () => {
		sim.addFault({
			type: 'answer',
			status: 403,
			contentType: 'application/json; charset=utf-8',
			body: JSON.stringify({
				StatusCode: 403,
				Message: 'De ingelogde gebruiker heeft niet voldoende rechten.',
				AdditionalInfo: { ExceptionType: 'NotAuthorizedException' },
			}),
			match: { path: /\/api\/administrations$/i },
		});
		const { byId } = await writeFields({
			resource: 'purchase',
			sbResource: 'supplier',
			operation: 'create',
		});
		const reads = sim.requests.filter((request) =>
			/\/scope\/api\/administrations$/i.test(request.path),
		);
		expect(reads).toHaveLength(1);
		expect(byId('AdministrationId')).toMatchObject({ type: 'string', required: true });
		expect(byId('Organisation')).toMatchObject({
			type: 'object',
			displayName: 'Organisation (Name*, CompanyIdCoc, CompanyIdVat, TradeName)',
		});
	});

	it('asks nothing of SB for a write without AdministrationId', async () => {
		const { byId } = await writeFields({
			resource: 'relations',
			sbResource: 'organisation',
			operation: 'create',
		});
		expect(byId('Name').required).toBe(true);
		expect(byId('Addresses')).toMatchObject({ type: 'array', required: false });
		expect(byId('Addresses').displayName).toMatch(
			/^Addresses \(list of StreetName\*, HouseNumber,/,
		);
		expect(sim.requests).toEqual([]);
	});
});
