'use strict';
// AFAS SB error bodies, copied in shape from sb-6.0.0.json components.responses (400/401/403) and
// research note afas-sb-api.md §4.7. TraceIds are random 32-hex like the examples.
const crypto = require('crypto');

const traceId = () => crypto.randomBytes(16).toString('hex');
const dashedTraceId = () => crypto.randomUUID();

// Headers every SB JSON answer carries in the spec's response examples.
function sbHeaders(contentVersion) {
	return {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Version': String(contentVersion || 1),
		Server: 'nginx',
		'X-Content-Type-Options': 'nosniff',
		'X-Frame-Options': 'SAMEORIGIN',
	};
}

function notAuthenticated() {
	return {
		StatusCode: 401,
		Message: 'Er is geen ingelogde gebruiker.',
		TraceId: traceId(),
		AdditionalInfo: { ExceptionType: 'NotAuthenticatedException' },
	};
}

function notAuthorized() {
	return {
		StatusCode: 403,
		Message: 'De ingelogde gebruiker heeft niet voldoende rechten.',
		TraceId: traceId(),
		AdditionalInfo: { ExceptionType: 'NotAuthorizedException' },
	};
}

/** 400 "AntaUserException": the documented body for a bad filter; reused (deliberately, UNVERIFIED) for
 *  other bad query input (sort, skip/take, TrackingToken, Accept-Version) because SB documents nothing else. */
function userError(message) {
	return {
		StatusCode: 400,
		Message: message,
		TraceId: traceId(),
		AdditionalInfo: { ExceptionType: 'AntaUserException' },
	};
}

/** 400 DS3100: JSON/schema validation failure of a write body (spec example "Bad request - Invalid UUID"). */
function deserialization(message, definitionName) {
	return {
		StatusCode: 400,
		Message: `Invalid JSON request ${message}`,
		ExceptionCode: 'DS3100',
		TraceId: traceId(),
		AdditionalInfo: {
			ExceptionType: 'DeserializationException',
			DefinitionName: `${definitionName}.UpdateConnectorHandler`,
			PropertyNames: '',
		},
	};
}

function failed(errors) {
	return { result: 'Failed', traceId: dashedTraceId(), instances: [], errors };
}

function succeeded(data) {
	return { result: 'Succeeded', traceId: dashedTraceId(), data, errors: [] };
}

/** The older "instances" success style: `[{Code:"Adres",Id:"…"}]` (Code = AFAS's Dutch entity name). */
function succeededInstances(instances) {
	return { result: 'Succeeded', traceId: dashedTraceId(), instances, errors: [] };
}

/** Spec components.responses.400 example: what was created so far, plus errors keyed by entity. */
function partiallySucceeded(instances, errors) {
	return { result: 'PartiallySucceeded', traceId: dashedTraceId(), instances, errors };
}

module.exports = {
	sbHeaders,
	notAuthenticated,
	notAuthorized,
	userError,
	deserialization,
	failed,
	succeeded,
	succeededInstances,
	partiallySucceeded,
	traceId,
};
