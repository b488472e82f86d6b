'use strict';
// The simulated `/{env}/api/{resource}` endpoints with the Accept-Version of sb-6.0.0.json (operationId suffix).
const schemas = require('./schemas');
const writes = require('./writes');

// GET endpoints: table, whether they answer with the TrackingToken envelope (research §4.2, §5), field list.
// `countries` is a bare array: its schema says so, although one spec example shows an envelope (CONFLICT; schema wins).
const FIELDS = {
	administrations: ['Id', 'Description', 'InstanceId'],
	countries: ['Id', 'Description', 'CodeISOAlpha2'],
	ledgeraccounts: ['Id', 'Description', 'LedgerAccountNumber', 'TypeId', 'InstanceId', 'AdministrationId', 'InvestInAsset'],
	organisations: ['Id', 'Name', 'CocNumber', 'VatNumber', 'PhoneNumber', 'EmailAddress', 'SbiCode', 'RelationId', 'ExternalId', 'IsArchived'],
	persons: ['Id', 'Name', 'FirstName', 'Initials', 'Prefix', 'Lastname', 'PhoneNumber', 'EmailAddress', 'ExternalId', 'IsArchived'],
	products: ['AdministrationId', 'Id', 'Description', 'Code', 'InternalId', 'PriceExcludingVAT', 'PriceIncludingVAT', 'ProductGroup', 'Barcode',
		'Category', 'ExtraDescription', 'ProductStyle', 'ProductType', 'IsArchived', 'IsBlocked', 'IsDisabled'],
	linestobeinvoiced: ['InstanceId', 'AdministrationId', 'RelationTypeId', 'IsOrganisation', 'IsPerson', 'IsUnknown', 'Organisation', 'Person',
		'Unknown', 'RelationType', 'RelationId', 'RelationNumber', 'RelationDescription', 'ProductId', 'Description', 'Quantity', 'Price',
		'TotalAmount', 'ProjectId', 'ProjectDescription', 'Status', 'SalesInvoiceNumber'],
};

const read = (table, version, tracked) => ({ kind: 'read', table, version, tracked, fields: FIELDS[table] });
const write = (version, schema, handler) => ({ kind: 'write', version, schema, handler });

/** resource (lower case) -> method -> endpoint. Singular names are the older aliases (research §2.2). */
const RESOURCES = {
	administrations: { GET: read('administrations', '1', false) },
	administration: { GET: read('administrations', '1', false) },
	countries: { GET: read('countries', '1', false) },
	country: { GET: read('countries', '1', false) },
	ledgeraccounts: { GET: read('ledgeraccounts', '1', false) },
	ledgeraccount: { GET: read('ledgeraccounts', '1', false) },
	organisations: { GET: read('organisations', '2.0', true) },
	persons: { GET: read('persons', '2.0', true) },
	products: { GET: read('products', '3.0', true) },
	linestobeinvoiced: {
		GET: read('linestobeinvoiced', '1', true),
		POST: write('1', schemas.lineCreate, writes.linesToBeInvoiced.create),
		PUT: write('1', schemas.lineUpdate, writes.linesToBeInvoiced.update),
		DELETE: write('1', schemas.deleteById, writes.linesToBeInvoiced.remove),
	},
	organisation: {
		POST: write('3', schemas.organisationCreate, writes.organisation.create),
		PUT: write('3.0', schemas.organisationUpdate, writes.organisation.update),
	},
	person: {
		POST: write('3', schemas.personCreate, writes.person.create),
		PUT: write('3.0', schemas.personUpdate, writes.person.update),
	},
	salesjournalentry: {
		POST: write('2', schemas.salesJournalEntryCreate, writes.salesJournalEntry.create),
		DELETE: write('2.0', schemas.deleteById, writes.salesJournalEntry.remove),
	},
};

/** "N" and "N.0" are the same version (the spec writes both; research §2.3). */
function normalizeVersion(v) {
	const m = /^\s*(\d+)(?:\.(\d+))?\s*$/.exec(String(v));
	return m ? `${Number(m[1])}.${Number(m[2] || 0)}` : null;
}

module.exports = { RESOURCES, FIELDS, normalizeVersion };
