'use strict';
// In-memory data of the customer environment, one table per catalogue list (plus one per write resource that has
// no list), with a change sequence for TrackingToken (research §4.5).
const { seed } = require('./seed');
const { generateTables } = require('./rowgen');
const { LISTS, ROUTES } = require('./resources');

function createStore(options) {
	const data = seed(options);
	const tables = {
		administrations: data.administrations,
		countries: data.countries,
		ledgeraccounts: data.ledgeraccounts,
		organisations: data.organisations,
		persons: data.persons,
		products: data.products,
		linestobeinvoiced: data.linestobeinvoiced,
	};
	Object.assign(tables, generateTables(LISTS, tables));
	// Write resources without a list of their own (salesjournalentry, cashmutation, mandates ...) start empty.
	for (const methods of ROUTES.values()) {
		for (const endpoint of Object.values(methods)) if (!tables[endpoint.table]) tables[endpoint.table] = [];
	}
	let seq = 0;
	// Each row's last-change sequence number; non-enumerable so it never reaches the wire.
	const touch = (row) => {
		Object.defineProperty(row, '_seq', { value: ++seq, enumerable: false, writable: true, configurable: true });
		return row;
	};
	for (const rows of Object.values(tables)) for (const row of rows) touch(row);
	return {
		...tables,
		tables,
		blobs: data.blobs,
		linesToBeInvoicedEnabled: data.linesToBeInvoicedEnabled,
		// The entry-level table of sales journal entries (duplicate checks and deletes); lines are in journalentries.
		get salesJournalEntries() {
			return tables.salesjournalentry;
		},
		touch,
		currentSeq: () => seq,
		nextRelationNumber() {
			return String(data.nextRelationNumber++).padStart(6, '0');
		},
		rows(table) {
			const key = String(table).toLowerCase();
			if (!tables[key]) throw new Error(`The SB simulator has no table '${table}'; tables: ${Object.keys(tables).sort().join(', ')}`);
			return tables[key];
		},
		tableNames: () => Object.keys(tables).sort(),
	};
}

module.exports = { createStore };
