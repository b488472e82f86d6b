'use strict';
/** Profit's standard error body (research §9.2) and the few error numbers the vendor documents. */
const crypto = require('crypto');

const ERROR_NUMBERS = {
	unexpected: -2147180999, // invalid skip/take, generic failures
	valueDoesNotExist: -2147220469, // "The entered value for 'Employee' does not exist."
	notSupported: -2147180996, // connector not linked / not authorised; invalid destination
};

function profitLogReference() {
	return crypto.randomBytes(16).toString('hex').toUpperCase();
}

function errorBody(externalMessage, errorNumber = ERROR_NUMBERS.unexpected) {
	return {
		externalMessage,
		errorNumber,
		profitLogReference: profitLogReference(),
	};
}

/** Thrown inside Profit handlers; the router turns it into the standard 500 body. */
class ProfitError extends Error {
	constructor(externalMessage, errorNumber = ERROR_NUMBERS.unexpected, status = 500) {
		super(externalMessage);
		this.errorNumber = errorNumber;
		this.status = status;
	}
}

const UNEXPECTED = 'An unexpected error has occurred.';

module.exports = {
	ERROR_NUMBERS,
	errorBody,
	ProfitError,
	profitLogReference,
	UNEXPECTED,
};
