'use strict';
// Writes of catalogue entries without hand-written business rules: a create stores the body as a row of its
// resource's list (address -> addresses, salesinvoice -> salesinvoices ...) or of its own table, an update patches
// the row named by its id field, a delete removes `{AdministrationId, Id}`. Answers follow the entry's
// `write.successStyle` / `successKeys` (the spec's first Succeeded example). Texts marked "invented" are modelled
// on the spec's examples; AFAS documents no wording for them.
const crypto = require('crypto');
const { failed, succeeded, succeededInstances } = require('./errors');
const { listFields } = require('./resources');
const { RELATION_TYPE_IDS } = require('./rowgen');
const { bookLines, removeLines } = require('./journal');
const { findRelation, invalidReference, personName } = require('./writes');

const VAT_PERCENT = { high: 21, low: 9, zero: 0 };
const round2 = (n) => Math.round(n * 100) / 100;
const lower = (v) => (typeof v === 'string' ? v.toLowerCase() : v);
const capitalName = (op) => op.resource[0].toUpperCase() + op.resource.slice(1);

/** The spec's success answer for this entry, with `id` as the first key / instance. */
function success(op, id, extra = {}) {
	const { successStyle, successKeys } = op.write;
	if (successStyle === 'instances') {
		return succeededInstances(successKeys.map((Code, i) => ({ Code, Id: i === 0 ? id : crypto.randomUUID(), ...(i === 0 ? extra : {}) })));
	}
	const keys = successKeys.length ? successKeys : ['Id'];
	return succeeded(Object.fromEntries(keys.map((key, i) => [key, i === 0 ? id : crypto.randomUUID()])));
}

/** Relation columns shared by many SB lists (RelationType, RelationTypeId, IsOrganisation, Organisation ...). */
function relationColumns(type, relation) {
	const org = type === 'organisation';
	return {
		RelationType: type, RelationTypeId: RELATION_TYPE_IDS[type], IsOrganisation: org, IsPerson: type === 'person', IsUnknown: type === 'unknown',
		Organisation: org ? relation.Id : null, Person: type === 'person' ? relation.Id : null, Unknown: type === 'unknown' ? relation.Id : null,
		RelationId: relation.Id, RelationNumber: relation.RelationId ?? null, RelationDescription: relation.Name ?? null, RelationName: relation.Name ?? null,
		RelationIsOrganisationOrAdministration: org,
	};
}

/** A row of the table's list: body values by (case-insensitive) name, the rest null. */
function rowFromBody(fields, body) {
	const byLower = new Map(Object.entries(body).map(([k, v]) => [k.toLowerCase(), v]));
	const row = {};
	for (const f of fields) row[f.name] = byLower.has(f.name.toLowerCase()) ? byLower.get(f.name.toLowerCase()) : null;
	return row;
}

/** Reference checks every generic write shares; a failure is HTTP 200 "Failed". */
function checkReferences(store, body) {
	if (body.RelationType && body.RelationId && !findRelation(store, body.RelationType, body.RelationId)) {
		return failed([invalidReference('Relatie', body.RelationId)]);
	}
	if (body.OrganisationId && !store.organisations.some((o) => o.Id === lower(body.OrganisationId))) {
		return failed([invalidReference('Organisatie', body.OrganisationId)]);
	}
	return null;
}

// Per-table touches: turn a write body into what the list shows (names, relation columns, amounts).
const SHAPE = {
	addresses(row, body, store) {
		const country = store.countries.find((c) => c.CodeISOAlpha2.toLowerCase() === lower(body.CountryCode));
		const relation = body.RelationId ? findRelation(store, body.RelationType || 'organisation', body.RelationId) : null;
		return {
			...row, ...(relation ? relationColumns(body.RelationType || 'organisation', relation) : {}),
			HouseNumber: body.HouseNumber === undefined || body.HouseNumber === null ? null : String(body.HouseNumber),
			CountryName: country ? country.Description : body.CountryCode, IsPreferedInvoiceAddress: false, IsPreferedSupplierAddress: false,
		};
	},
	bankaccounts(row, body, store) {
		return { ...row, ...relationColumns(body.RelationType, findRelation(store, body.RelationType, body.RelationId)), AccountNumber: body.AccountNumber };
	},
	contacts(row, body, store) {
		// AFAS creates the person too (the answer's instances: Persoon, Emailadres, Telefoonnummer, Contactpersoon).
		const person = store.touch({
			Id: crypto.randomUUID(), Name: '', FirstName: body.FirstName ?? null, Initials: body.Initials ?? null, Prefix: body.Prefix ?? null,
			Lastname: body.LastName, PhoneNumber: body.PhoneNumber ?? null, EmailAddress: body.EmailAddress ?? null, ExternalId: null, IsArchived: false,
		});
		person.Name = personName(person);
		store.persons.push(person);
		return {
			...row, OrganisationId: lower(body.OrganisationId), PersonId: person.Id, Name: person.Name, Firstname: person.FirstName, Lastname: person.Lastname,
			Emailaddress: body.EmailAddress ?? null, IsArchived: false, PersonIsArchived: false, OrganisationIsArchived: false,
		};
	},
	salesinvoices(row, body, store) {
		const relation = findRelation(store, body.RelationType, body.RelationId);
		let excl = 0;
		let vat = 0;
		for (const line of body.InvoiceLine) {
			const product = store.products.find((p) => p.Id === lower(line.ItemId));
			const amount = round2((line.Price ?? (product ? product.PriceExcludingVAT : 0)) * line.Quantity);
			excl += amount;
			vat += round2((amount * (VAT_PERCENT[lower(line.VatType)] ?? 21)) / 100);
		}
		return {
			...row, ...relationColumns(body.RelationType, relation), AdministrationId: lower(body.AdministrationId), SalesInvoiceNumber: null,
			IssueDate: `${body.IssueDate}T00:00:00Z`, Status: 'concept', AmountExcludingVat: round2(excl), AmountVat: round2(vat), AmountInvoiced: round2(excl + vat), Blob: null,
		};
	},
};

// Extra business checks of a generic create, before anything is stored.
const CHECKS = {
	salesinvoice(store, body) {
		const admin = lower(body.AdministrationId);
		const bad = body.InvoiceLine.find((l) => !store.products.some((p) => p.Id === lower(l.ItemId) && p.AdministrationId === admin));
		return bad ? failed([invalidReference('Verkoopproduct', bad.ItemId)]) : null; // invented
	},
};

function create(store, body, endpoint) {
	const { op, table } = endpoint;
	const problem = checkReferences(store, body) || (CHECKS[endpoint.name] && CHECKS[endpoint.name](store, body));
	if (problem) return problem;
	const fields = listFields(table);
	const id = crypto.randomUUID();
	let row;
	if (fields) {
		row = rowFromBody(fields, body);
		const idField = fields.find((f) => f.name === 'Id') || fields.find((f) => f.name === 'InstanceId');
		if (idField) row[idField.name] = id;
		if ('InstanceId' in row) row.InstanceId = id;
		if ('AdministrationId' in row && body.AdministrationId) row.AdministrationId = lower(body.AdministrationId);
		if (SHAPE[table]) row = SHAPE[table](row, body, store);
		row = Object.fromEntries(fields.map((f) => [f.name, row[f.name] ?? null])); // the list's columns, no more
	} else {
		row = { Id: id, ...body };
		if (body.AdministrationId) row.AdministrationId = lower(body.AdministrationId);
	}
	store.rows(table).push(store.touch(row));
	if (endpoint.name === 'financialjournalentry') {
		bookLines(store, {
			headerId: id, adminId: lower(body.AdministrationId), date: body.EntryDate, description: body.Description,
			lines: body.EntryLine.map((l) => ({ ledgerAccountId: l.LedgerAccountId, debit: l.AmountDebit, credit: l.AmountCredit, vatType: l.VatType, description: l.Description })),
		});
	}
	return success(op, id);
}

/** The body field naming the record of an update: a required GUID other than AdministrationId (RelationId, LineToBeInvoicedId). */
function idFieldOf(op) {
	const f = op.write.bodyFields.find((x) => x.required && x.format === 'uuid' && x.name !== 'AdministrationId');
	return f && f.name;
}

const rowId = (row) => row.Id ?? row.InstanceId;

function update(store, body, endpoint) {
	const { op, table } = endpoint;
	const key = idFieldOf(op);
	const rows = store.rows(table);
	const row = key && rows.find((r) => rowId(r) === lower(body[key]));
	if (!row) return failed([`${capitalName(op)} with id ${body[key]} does not exist`]); // invented
	const problem = checkReferences(store, body);
	if (problem) return problem;
	for (const [name, value] of Object.entries(body)) if (name !== key && name in row) row[name] = value;
	store.touch(row);
	return success(op, rowId(row));
}

function remove(store, body, endpoint) {
	const { op, table } = endpoint;
	const rows = store.rows(table);
	const admin = lower(body.AdministrationId);
	const i = rows.findIndex((r) => rowId(r) === lower(body.Id) && (r.AdministrationId === undefined || lower(r.AdministrationId) === admin));
	const notDeletable = endpoint.name === 'salesinvoice'
		? 'SalesInvoice cannot be deleted because it is not a draft or it is already deleted' // spec example
		: `${capitalName(op)} cannot be deleted because it does not exist or it is already deleted`; // invented
	if (i < 0 || (endpoint.name === 'salesinvoice' && rows[i].Status !== 'concept')) return failed([notDeletable]);
	rows.splice(i, 1);
	removeLines(store, lower(body.Id));
	return success(op, lower(body.Id));
}

module.exports = { create, update, remove, success, relationColumns };
