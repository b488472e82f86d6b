'use strict';
// Business logic of the simulated write endpoints. Answers use the per-endpoint 200 examples of sb-6.0.0.json:
// {"result":"Succeeded","traceId","data":{…Id},"errors":[]} or HTTP 200 {"result":"Failed",…,"errors":[…]}.
// Messages quoted from the spec's examples where one exists; the others are modelled on them (marked "invented").
const crypto = require('crypto');
const { failed, succeeded } = require('./errors');
const { lineRow } = require('./seed');
const { bookLines, removeLines } = require('./journal');

const invalidReference = (field, id) => `Field '${field}' contains an invalid reference (${id})`;

function adminExists(store, id) {
	return store.administrations.some((a) => a.Id.toLowerCase() === id.toLowerCase());
}

function findRelation(store, type, id) {
	const lower = id.toLowerCase();
	if (type === 'organisation') return store.organisations.find((o) => o.Id === lower);
	if (type === 'person') return store.persons.find((p) => p.Id === lower);
	return { Id: lower, Name: 'Diverse debiteuren', RelationId: null }; // "unknown" = various debtors
}

function setIfGiven(row, field, value) {
	if (value !== undefined) row[field] = value;
}

const organisation = {
	create(store, body) {
		const number = store.nextRelationNumber();
		const row = {
			Id: crypto.randomUUID(), Name: `${body.Name} (${number})`, CocNumber: body.CocNumber ?? null, VatNumber: body.VatNumber ?? null,
			PhoneNumber: body.PhoneNumber ?? null, EmailAddress: body.EmailAddress ?? null, SbiCode: body.SbiCode ?? null,
			RelationId: number, ExternalId: body.ExternalId ?? null, IsArchived: false,
		};
		store.organisations.push(store.touch(row));
		return succeeded({ RelationId: row.Id });
	},
	update(store, body) {
		const row = store.organisations.find((o) => o.Id === body.RelationId.toLowerCase());
		if (!row) return failed([`Organisation with id ${body.RelationId} does not exist`]); // invented
		if (body.Name !== undefined) row.Name = `${body.Name} (${row.RelationId})`;
		for (const f of ['CocNumber', 'VatNumber', 'PhoneNumber', 'EmailAddress', 'SbiCode', 'ExternalId']) setIfGiven(row, f, body[f]);
		store.touch(row);
		return succeeded({ RelationId: row.Id });
	},
};

const personName = (row) => [row.FirstName, row.Prefix, row.Lastname].filter(Boolean).join(' ');
const person = {
	create(store, body) {
		store.nextRelationNumber();
		const row = {
			Id: crypto.randomUUID(), Name: '', FirstName: body.FirstName ?? null, Initials: body.Initials ?? null, Prefix: body.Prefix ?? null,
			Lastname: body.LastName, PhoneNumber: body.PhoneNumber ?? null, EmailAddress: body.EmailAddress ?? null,
			ExternalId: body.ExternalId ?? null, IsArchived: false,
		};
		row.Name = personName(row);
		store.persons.push(store.touch(row));
		return succeeded({ RelationId: row.Id });
	},
	update(store, body) {
		const row = store.persons.find((p) => p.Id === body.RelationId.toLowerCase());
		if (!row) return failed([`Person with id ${body.RelationId} does not exist`]); // invented
		for (const f of ['FirstName', 'Initials', 'Prefix', 'PhoneNumber', 'EmailAddress', 'ExternalId']) setIfGiven(row, f, body[f]);
		setIfGiven(row, 'Lastname', body.LastName);
		row.Name = personName(row);
		store.touch(row);
		return succeeded({ RelationId: row.Id });
	},
};

const salesJournalEntry = {
	create(store, body) {
		const adminId = body.AdministrationId.toLowerCase();
		if (!adminExists(store, adminId)) return failed([invalidReference('Administratie', body.AdministrationId)]); // invented
		const duplicate = store.salesJournalEntries.some((e) => e.AdministrationId === adminId && e.InvoiceNumber === body.InvoiceNumber);
		if (duplicate) return failed([`SalesJournalEntry with invoicenumber ${body.InvoiceNumber} already exists`]); // spec example
		if (!findRelation(store, body.RelationType, body.RelationId)) return failed([invalidReference('Relatie', body.RelationId)]); // invented
		const id = crypto.randomUUID();
		const badLines = body.InvoiceLine.filter(
			(line) => !store.ledgeraccounts.some((l) => l.Id === line.LedgerAccountId.toLowerCase() && l.AdministrationId === adminId),
		);
		store.salesJournalEntries.push(store.touch({ Id: id, ...body, AdministrationId: adminId, HasErrors: badLines.length > 0 }));
		// Readable back through GET api/journalentries: one row per invoice line (LineId unique, HeaderId = entry id).
		bookLines(store, { headerId: id, adminId, date: body.InvoiceDate, document: body.InvoiceNumber, description: body.Description, lines: body.InvoiceLine.map((l) => ({ ledgerAccountId: l.LedgerAccountId, credit: l.AmountExcludingVat, vatType: l.VatType, vatAmount: l.AmountVat, description: l.Description })) });
		if (badLines.length) {
			// Spec example "error on line": the entry IS created, with errors, and the answer is still "Failed".
			return failed([
				`Entity is made with one or more errors in the lines. Please correct this error in application or delete SalesJournalEntry with id: ${id}.`,
				...badLines.map((l) => invalidReference('Grootboekrekening', l.LedgerAccountId)),
			]);
		}
		return succeeded({ SalesJournalEntryId: id });
	},
	remove(store, body) {
		const i = store.salesJournalEntries.findIndex((e) => e.Id === body.Id.toLowerCase() && e.AdministrationId === body.AdministrationId.toLowerCase());
		if (i < 0) return failed([`SalesJournalEntry cannot be deleted because it does not exist or it is already deleted`]); // invented
		store.salesJournalEntries.splice(i, 1);
		removeLines(store, body.Id.toLowerCase());
		return succeeded({ SalesJournalEntryId: body.Id.toLowerCase() });
	},
};

function lineChecks(store, body) {
	const adminId = body.AdministrationId.toLowerCase();
	if (!adminExists(store, adminId)) return failed([invalidReference('Administratie', body.AdministrationId)]);
	if (!store.linesToBeInvoicedEnabled.has(adminId)) return failed(['FeatureToggle not enabled']); // spec example
	const relation = findRelation(store, body.RelationType, body.RelationId);
	if (!relation) return failed([invalidReference('Klant', body.RelationId)]);
	const product = body.ItemId ? store.products.find((p) => p.Id === body.ItemId.toLowerCase() && p.AdministrationId === adminId) : null;
	if (body.ItemId && !product) return failed([invalidReference('Verkoopproduct', body.ItemId)]);
	return { relation, product, adminId };
}

const linesToBeInvoiced = {
	create(store, body) {
		const c = lineChecks(store, body);
		if (c.result) return c;
		const row = lineRow({ id: crypto.randomUUID(), administrationId: c.adminId, relationType: body.RelationType, relation: c.relation, product: c.product, quantity: body.Quantity, price: body.Price, description: body.Description, projectId: body.ProjectId });
		store.linestobeinvoiced.push(store.touch(row));
		return succeeded({ LinesToBeInvoiced: row.InstanceId });
	},
	update(store, body) {
		const i = store.linestobeinvoiced.findIndex((l) => l.InstanceId === body.LineToBeInvoicedId.toLowerCase());
		if (i < 0) return failed([`LineToBeInvoiced with id ${body.LineToBeInvoicedId} does not exist`]); // invented
		const c = lineChecks(store, body);
		if (c.result) return c;
		const row = lineRow({ id: store.linestobeinvoiced[i].InstanceId, administrationId: c.adminId, relationType: body.RelationType, relation: c.relation, product: c.product, quantity: body.Quantity, price: body.Price, description: body.Description, projectId: body.ProjectId });
		store.linestobeinvoiced[i] = store.touch(row);
		return succeeded({ LinesToBeInvoiced: row.InstanceId });
	},
	remove(store, body) {
		const i = store.linestobeinvoiced.findIndex((l) => l.InstanceId === body.Id.toLowerCase() && l.AdministrationId === body.AdministrationId.toLowerCase());
		if (i < 0) return failed([`LineToBeInvoiced cannot be deleted because it does not exist or it is already deleted`]); // invented, after the salesinvoice example
		store.linestobeinvoiced.splice(i, 1);
		return succeeded({ LinesToBeInvoiced: body.Id.toLowerCase() });
	},
};

module.exports = { organisation, person, salesJournalEntry, linesToBeInvoiced, adminExists, findRelation, invalidReference, personName };
