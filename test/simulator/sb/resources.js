'use strict';
// The simulated `/{env}/api/...` routes, derived from the same generated catalogue the node uses
// (nodes/Afas/wire/sb/catalogue.generated.json, from AFAS's sb-6.0.0.json), so node and simulator cannot drift.
const catalogue = require('../../../nodes/Afas/wire/sb/catalogue.generated.json');

const lastSegment = (path) => path.split('/').filter(Boolean).pop().toLowerCase();

/** "N" and "N.0" are the same version (the spec writes both; research §2.3). */
function normalizeVersion(v) {
	const m = /^\s*(\d+)(?:\.(\d+))?\s*$/.exec(String(v));
	return m ? `${Number(m[1])}.${Number(m[2] || 0)}` : null;
}

/** Content-Version header value: the version without a trailing ".0" (the spec's examples send `1`, `2`). */
const contentVersion = (v) => normalizeVersion(v).replace(/\.0$/, '');

const operations = catalogue.operations.filter((op) => op.kind !== 'auth' && op.kind !== 'blob');

// Table of each GET list: the path's last segment; a singular legacy path shares its plural twin's table.
const listTable = new Map();
for (const op of operations.filter((o) => o.kind === 'getMany')) {
	listTable.set(op.path.toLowerCase(), lastSegment(op.legacyOf || op.path));
}
// The plural (current) list of each node resource: where creates of that resource show up.
const resourceTable = new Map();
for (const op of operations.filter((o) => o.kind === 'getMany' && !o.legacyOf)) resourceTable.set(op.resource, lastSegment(op.path));

/**
 * Table a write lands in: the list of the same resource (contact -> contacts, address -> addresses,
 * salesinvoice -> salesinvoices, supplier -> supplier); a resource without a list keeps a table named after
 * its path (salesjournalentry, financialjournalentry, cashmutation, mandates ...).
 */
function writeTable(op) {
	return resourceTable.get(op.resource) || lastSegment(op.path);
}

/** path (lower case, e.g. `/api/addresses`) -> method -> endpoint. */
const ROUTES = new Map();
for (const op of operations) {
	const key = op.path.toLowerCase();
	if (!ROUTES.has(key)) ROUTES.set(key, {});
	const endpoint = {
		op,
		kind: op.kind === 'getMany' ? 'read' : 'write',
		version: op.acceptVersion,
		name: lastSegment(op.path),
	};
	if (endpoint.kind === 'read') {
		endpoint.table = listTable.get(key);
		endpoint.tracked = op.list.shape === 'tracked';
		endpoint.fields = op.list.rowFields;
	} else {
		endpoint.table = writeTable(op);
	}
	ROUTES.set(key, { ...ROUTES.get(key), [op.method]: endpoint });
}

/** Every table a catalogue path reads or writes (`/api/address` -> addresses); undefined for unknown paths. */
function tableOf(path, method) {
	const p = String(path).toLowerCase().replace(/^\/?(api\/)?/, '/api/');
	const methods = ROUTES.get(p);
	if (!methods) return undefined;
	const endpoint = (method && methods[method.toUpperCase()]) || methods.GET || Object.values(methods)[0];
	return endpoint.table;
}

/** The list operations whose rows the simulator seeds (plural paths only). */
const LISTS = operations.filter((o) => o.kind === 'getMany' && !o.legacyOf);

// Older singular lists name a few columns differently from their plural twin (get_address_1.0 `City`/`Country`,
// get_bankaccount_1.0 `Bankrekening`): legacy field -> the plural table's field it shows.
const LEGACY_ALIASES = { City: 'CityName', Country: 'CountryName', Bankrekening: 'AccountNumber' };

/** A plural-table row as the singular legacy list shows it: exactly its rowFields, aliases resolved. */
function legacyRow(row, fields) {
	return Object.fromEntries(fields.map((f) => [f.name, row[f.name] ?? row[LEGACY_ALIASES[f.name]] ?? null]));
}

/** The row fields of a table's list, or undefined for a write-only table. */
function listFields(table) {
	const op = LISTS.find((o) => lastSegment(o.path) === table);
	return op ? op.list.rowFields : undefined;
}

module.exports = { ROUTES, LISTS, operations, tableOf, listFields, legacyRow, normalizeVersion, contentVersion, specVersion: catalogue.specVersion };
