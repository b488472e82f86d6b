'use strict';
// In-memory data of the customer environment, with a change sequence for TrackingToken (research §4.5).
const { seed } = require('./seed');

function createStore(options) {
	const data = seed(options);
	let seq = 0;
	// Each row's last-change sequence number; non-enumerable so it never reaches the wire.
	const touch = (row) => {
		Object.defineProperty(row, '_seq', { value: ++seq, enumerable: false, writable: true, configurable: true });
		return row;
	};
	for (const table of ['administrations', 'countries', 'ledgeraccounts', 'organisations', 'persons', 'products', 'linestobeinvoiced']) {
		for (const row of data[table]) touch(row);
	}
	return {
		...data,
		salesJournalEntries: [],
		touch,
		currentSeq: () => seq,
		nextRelationNumber() {
			return String(data.nextRelationNumber++).padStart(6, '0');
		},
		rows(table) {
			return data[table];
		},
	};
}

module.exports = { createStore };
