'use strict';
/**
 * Building blocks of the seeded GetConnectors. Each connector exposes its metainfo fields and `open(state)`,
 * which returns a view { size, value(i, column) } over the current records, so reads always reflect earlier
 * writes and a generated connector can produce any cell from its row index without holding the data set.
 *
 * Column spec: [id, dataType, label, length, { controlType, decimals, values, from, fieldId }].
 * Stored date values are Amsterdam local `YYYY-MM-DDTHH:MM:SS`; the `Z` is added on output (research §4.3).
 */
const { pad } = require('./random');

const CONTROL_TYPES = {
	string: 1,
	int: 5,
	decimal: 6,
	boolean: 3,
	date: 4,
	datetime: 8,
};

function buildFields(columns) {
	return columns.map(([id, type, label, length, extra = {}], index) => {
		const field = {
			id,
			fieldId: extra.fieldId || `U${pad(index + 1, 3)}`,
			// Profit's get metainfo has one `date` type; control type 4 (date) / 8 (date-time) tells them apart.
			dataType: type === 'datetime' ? 'date' : type,
			label,
			length,
			controlType: extra.controlType || CONTROL_TYPES[type],
			decimals: extra.decimals || 0,
			decimalsFieldId: '',
		};
		// UNVERIFIED (research §6.2): the name/shape of code-table values in *get* metainfo; we use the update shape.
		if (extra.values) field.values = extra.values;
		return field;
	});
}

/** A connector over an array of records in the state (writes are visible immediately); `from(record, state)`. */
function recordConnector({ id, description, records, columns }) {
	const getters = columns.map(
		([column, , , , extra = {}]) => extra.from || ((record) => record[column]),
	);
	return {
		id,
		description,
		fields: buildFields(columns),
		open(state) {
			const list = records(state);
			return {
				size: list.length,
				value: (i, column) => normalise(getters[column](list[i], state)),
			};
		},
	};
}

/** A connector whose cells are pure functions of the row index. */
function generatedConnector({ id, description, size, columns }) {
	return {
		id,
		description,
		fields: buildFields(columns),
		generated: true,
		open() {
			return {
				size,
				value: (i, column) => normalise(columns[column][4].gen(i)),
			};
		},
	};
}

function normalise(value) {
	return value === undefined || value === '' ? null : value;
}

module.exports = { buildFields, recordConnector, generatedConnector };
