import type {
	ILoadOptionsFunctions,
	INodePropertyOptions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { authenticationProperty } from '../actions/sb';
import { listOf, sbTarget } from '../actions/sb/target';
import type { SbCredentialType } from '../api/sb';
import { createSbClient, readCatalogueList } from '../api/sb';
import { parameters } from '../parameters';
import { isListEntry, sbOperation } from '../wire/sb/catalogue';
import type { SbField } from '../wire/sb/catalogueTypes';

/** The chosen SB list's row fields (filter conditions, sort field). */
export async function getSbListFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const list = listOf(this, sbTarget(this, 0).entry);
	return list.rowFields.map((field) => ({
		name: field.name,
		value: field.name,
		description: [
			field.format ?? field.type,
			field.name === list.uniqueSort ? 'unique per record' : '',
		]
			.filter(Boolean)
			.join(', '),
	}));
}

function typeOf(field: SbField): ResourceMapperField['type'] {
	if (field.enum) return 'options';
	switch (field.type) {
		case 'integer':
		case 'number':
			return 'number';
		case 'boolean':
			return 'boolean';
		case 'array':
			return 'array';
		case 'object':
			return 'object';
		default:
			return 'string';
	}
}

/** "InvoiceLine (list of LedgerAccountId*, Description, AmountExcludingVat*, ...)": what a nested row holds. */
function displayNameOf(field: SbField): string {
	if (!field.fields?.length) return field.name;
	const inner = field.fields.map((child) => `${child.name}${child.required ? '*' : ''}`).join(', ');
	return `${field.name} (${field.type === 'array' ? 'list of ' : ''}${inner})`;
}

/** The environment's administrations, to pick AdministrationId from; none when they cannot be read. */
async function administrations(context: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const entry = sbOperation('administration', 'getMany');
	if (!isListEntry(entry)) return [];
	try {
		const credentialType = parameters(context, 0, [
			authenticationProperty,
		]).options<SbCredentialType>('authentication');
		const client = await createSbClient(context, credentialType);
		const { rows } = await readCatalogueList(client, entry);
		return rows
			.filter((row) => typeof row.Id === 'string')
			.map((row) => ({
				name:
					typeof row.Description === 'string' ? `${row.Description} (${row.Id})` : String(row.Id),
				value: row.Id as string,
			}));
	} catch {
		// Without access to the list the field stays free text: the write itself reports a wrong id.
		return [];
	}
}

/**
 * The body fields of the chosen SB write, from AFAS's spec: required ones marked, enums as options, nested lists
 * (invoice lines, addresses, attachments) as list fields with their row fields in the label, AdministrationId as
 * the environment's administrations.
 */
export async function getSbWriteFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const { entry } = sbTarget(this, 0);
	const bodyFields = entry.write?.bodyFields ?? [];
	const needsAdministrations = bodyFields.some((field) => field.name === 'AdministrationId');
	const administrationOptions = needsAdministrations ? await administrations(this) : [];
	const fields = bodyFields.map((field): ResourceMapperField => {
		const mapped: ResourceMapperField = {
			id: field.name,
			displayName: displayNameOf(field),
			required: field.required === true,
			defaultMatch: false,
			display: true,
			canBeUsedToMatch: false,
			type: typeOf(field),
		};
		if (field.enum)
			mapped.options = field.enum.map((value) => ({
				name: value === '' ? '(empty)' : value,
				value,
			}));
		if (field.name === 'AdministrationId' && administrationOptions.length > 0) {
			mapped.type = 'options';
			mapped.options = administrationOptions;
		}
		return mapped;
	});
	return { fields };
}
