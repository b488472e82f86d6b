'use strict';
/** util.inspect for the TypeScript tests (Node built-ins are reachable only from plain JavaScript here). */
const { inspect } = require('util');

/** What a log line or a debugger would print of a value, hidden properties and the whole depth included. */
function printed(value) {
	return inspect(value, { depth: Infinity, showHidden: true });
}

module.exports = { printed };
