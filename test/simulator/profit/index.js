'use strict';
/**
 * The simulated AFAS Profit REST API (`/ProfitRestServices/...`). Paths are case-insensitive (research §2.1).
 * `createProfit({ clock, options })` -> { handle(ctx): Promise<boolean>, credentials, state }.
 */
const { authenticate, handleTokenEndpoint, tokenXml } = require('./auth');
const { ProfitError, errorBody, ERROR_NUMBERS } = require('./errors');
const { handleGetConnector } = require('./getConnector');
const { listMetainfo, getConnectorMetainfo, updateConnectorMetainfo } = require('./metainfo');
const { handleUpdate, handleDelete } = require('./updateConnector');
const {
	handleFileConnector,
	handleSubjectConnector,
	handleImageConnector,
	handleReportConnector,
} = require('./files');
const { handleOtpRequest, handleOtpValidation } = require('./otp');
const { GET_CONNECTORS } = require('./data/getConnectors');
const { UPDATE_CONNECTORS } = require('./data/updateConnectors');
const { seedData } = require('./data/seed');
const { insert, modify, rowObject } = require('./changes');
const { sendWebhook, WEBHOOK_PASSWORD } = require('./webhook');

const PREFIX = /^\/profitrestservices/i;
const MAX_QUERY_LENGTH = 2049; // "the string with parameters ... including ? and &" (§5.6)
const MAX_BODY_BYTES = 75 * 1024 * 1024; // §2.2

// The vendor's Base64 test vector token (§3.1), so `tokenBase64` equals the documented example.
const TOKEN_DATA = '949C1A9CD9AE4797950D94F55A7A4D056770472D4963CB9A8D3800BEE0CCE6A2';
const RESTRICTED_TOKEN_DATA = '5A1F0C3E7B9D4E2F8A6C1B3D5E7F9A0B2C4D6E8F0A1B3C5D7E9F1A2B4C6D8E0F';
const CLIENT_ID = 'n8n-afas-simulator';
const CLIENT_SECRET = 'sim-secret-3f9c2b7a41d84e6c9a0b5d2e8f1c7a63';

const LINKED_GET = [
	'Profit_Persons',
	'Profit_Organisations',
	'Profit_Contacts',
	'Profit_Debtor',
	'Profit_Employees',
	'Profit_Subjects',
	'Profit_Subject_Attachments',
	'Profit_Administrations',
	'Profit_Demo',
	'Profit_Transactions',
	'Profit_SalesOrders',
	'Profit_SalesOrderLines',
];
const LINKED_UPDATE = [
	'KnPerson',
	'KnOrganisation',
	'KnSubject',
	'FbSales',
	'FiEntries',
	'KnEmployee',
];

function createState(options) {
	const data = seedData();
	const state = {
		environmentNumber: '12345',
		envid: 'O12345AA',
		options: {
			// §12 #15: 500 with the standard body by default; 401 is also plausible.
			unlinkedStatus: options.unlinkedStatus || 500,
			// 'drift' reproduces unsorted-paging anomalies (§5.2); 'stable' turns them off.
			unsortedPaging: options.unsortedPaging || 'drift',
			profitVersion: options.profitVersion || '22.22.5',
			// How a stored time with milliseconds prints as whole seconds (UNVERIFIED which one Profit 7+ does).
			subSecond: subSecondOption(options.subSecond),
		},
		appConnectors: [
			{
				id: 'n8n',
				name: 'n8n integration',
				group: 'AuthorizationGroup 101 (12345.N8N)',
				tokens: [TOKEN_DATA],
				clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }],
				ipRestricted: false,
				getConnectors: [...LINKED_GET],
				updateConnectors: [...LINKED_UPDATE],
				// Special connectors (§1): AppConnectorSubject, AppConnectorVersion, files, images, reports.
				special: {
					subject: true,
					version: true,
					file: true,
					image: true,
					report: true,
				},
				otp: {
					apiKey: 'SIMAPIKEY0123456789ABCDEF',
					environmentKey: 'SIMENVKEY9876543210FEDCBA',
					users: ['12345.n8n', 'n8n@example.nl'],
				},
			},
			{
				id: 'restricted',
				name: 'IP-restricted integration',
				group: 'AuthorizationGroup 102 (12345.RESTRICTED)',
				tokens: [RESTRICTED_TOKEN_DATA],
				clients: [],
				ipRestricted: true,
				getConnectors: [...LINKED_GET],
				updateConnectors: [],
				special: {},
			},
		],
		accessTokens: new Map(),
		getConnectors: GET_CONNECTORS,
		updateConnectors: UPDATE_CONNECTORS,
		data,
		/** Back to the seeded records (writes undone, counters restarted); tokens and the clock stay. */
		reset() {
			state.data = seedData();
		},
		/** One-time passwords "emailed" by /otprequest: { userId, otp, at }. */
		outbox: [],
		/** The rows a full GetConnector read returns now (dates with the `Z`), for tests that peek. */
		rows(id) {
			const connector = findById(GET_CONNECTORS, id);
			if (!connector) throw new Error(`Unknown GetConnector '${id}'`);
			const view = connector.open(state);
			const rows = [];
			for (let i = 0; i < view.size; i++)
				rows.push(rowObject(view, connector.fields, i, state.options.subSecond));
			return rows;
		},
		/** Adds a row as an UpdateConnector insert would (CreateDate/ModifiedDate from the clock); returns it as read. */
		insert: (connectorId, fields) => insert(state, connectorId, fields),
		/** Changes the one row `match` finds and stamps ModifiedDate from the clock; returns it as read. */
		modify: (connectorId, match, fields) => modify(state, connectorId, match, fields),
		webhookPassword: WEBHOOK_PASSWORD,
		/** Every webhook sent: { url, eventType, status, eventId }. */
		webhookDeliveries: [],
		sendWebhook: (webhookOptions) => sendWebhook(state, webhookOptions),
	};
	return state;
}

function subSecondOption(value) {
	if (value === undefined) return 'truncate';
	if (value !== 'truncate' && value !== 'round')
		throw new Error("profit.subSecond is 'truncate' or 'round'");
	return value;
}

function findById(list, id) {
	const wanted = String(id).toLowerCase();
	return list.find((item) => item.id.toLowerCase() === wanted);
}

function decodeSegment(segment) {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

function notSupported(ctx, state, kind) {
	const english = /^en/i.test(String(ctx.headers['accept-language'] || ''));
	const message =
		kind === 'get'
			? 'GetConnector not supported for this app or the user is not authorized'
			: english
				? 'General message: This UpdateConnector is not supported or the user is not authorized.'
				: 'General message: Deze UpdateConnector wordt niet ondersteund of de gebruiker is niet geautoriseerd.';
	if (state.options.unlinkedStatus === 401) ctx.send(401);
	else ctx.send(state.options.unlinkedStatus, errorBody(message, ERROR_NUMBERS.notSupported));
}

function createProfit({ clock, options = {} }) {
	const profitOptions = {
		...(options.profit || {}),
		...((options.seed && options.seed.profit) || {}),
	};
	const state = createState(profitOptions);
	state.clock = clock;

	async function route(ctx) {
		const rest = ctx.path.replace(PREFIX, '');
		const rawSegments = rest.split('/').filter((s) => s !== '');
		const segments = rawSegments.map(decodeSegment);
		const head = (segments[0] || '').toLowerCase();

		const rawUrl = ctx.req.url || '';
		const queryStart = rawUrl.indexOf('?');
		if (queryStart >= 0 && rawUrl.length - queryStart > MAX_QUERY_LENGTH) return ctx.send(404);
		if (ctx.body.length > MAX_BODY_BYTES) return ctx.send(413);

		if (head === 'oauth' && (segments[1] || '').toLowerCase() === 'token')
			return handleTokenEndpoint(ctx, state);
		if (head === 'oauth') return ctx.send(404);
		if (head === 'otprequest' && ctx.method === 'POST') return handleOtpRequest(ctx, state);
		if (head === 'otpvalidation' && ctx.method === 'POST') return handleOtpValidation(ctx, state);

		const app = authenticate(ctx, state);
		if (!app) return undefined;

		if (head === 'metainfo' && ctx.method === 'GET') {
			if (segments.length === 1) return ctx.send(200, listMetainfo(state, app));
			const kind = (segments[1] || '').toLowerCase();
			const id = segments[2];
			if (segments.length !== 3 || (kind !== 'get' && kind !== 'update')) return ctx.send(404);
			const list = kind === 'get' ? state.getConnectors : state.updateConnectors;
			const linked = kind === 'get' ? app.getConnectors : app.updateConnectors;
			const connector = findById(list, id);
			if (!connector || !linked.includes(connector.id)) return notSupported(ctx, state, kind);
			return ctx.send(
				200,
				kind === 'get' ? getConnectorMetainfo(connector) : updateConnectorMetainfo(connector),
			);
		}

		if (head === 'profitversion' && ctx.method === 'GET') {
			if (!app.special.version) return notSupported(ctx, state, 'get');
			return ctx.send(200, { version: state.options.profitVersion });
		}

		if (head === 'connectors' && segments.length >= 2) {
			const id = segments[1];
			if (ctx.method === 'GET' && segments.length === 2) {
				const connector = findById(state.getConnectors, id);
				if (!connector || !app.getConnectors.includes(connector.id))
					return notSupported(ctx, state, 'get');
				return handleGetConnector(ctx, connector, state);
			}
			if (ctx.method === 'POST' || ctx.method === 'PUT' || ctx.method === 'DELETE') {
				const connector = findById(state.updateConnectors, id);
				if (!connector || !app.updateConnectors.includes(connector.id))
					return notSupported(ctx, state, 'update');
				// Raw: key values are split on ',' before decoding, so an encoded ',' or '/' stays in its value.
				if (ctx.method === 'DELETE')
					return handleDelete(ctx, connector, state, rawSegments.slice(2));
				if (segments.length > 3) return ctx.send(404);
				return handleUpdate(ctx, connector, state, segments[2]);
			}
			return ctx.send(405);
		}

		if (ctx.method === 'GET') {
			if (head === 'fileconnector')
				return handleFileConnector(
					ctx,
					state,
					app,
					ctx.path.replace(PREFIX, '').split('/').filter(Boolean),
				);
			if (head === 'subjectconnector') return handleSubjectConnector(ctx, state, app, segments);
			if (head === 'imageconnector') return handleImageConnector(ctx, state, app, segments);
			if (head === 'reportconnector') return handleReportConnector(ctx, state, app, segments);
		}
		return ctx.send(404);
	}

	async function handle(ctx) {
		try {
			await route(ctx);
		} catch (error) {
			if (!(error instanceof ProfitError)) throw error;
			ctx.send(error.status, errorBody(error.message, error.errorNumber));
		}
		return true;
	}

	const credentials = {
		environmentNumber: state.environmentNumber,
		envid: state.envid,
		token: tokenXml(TOKEN_DATA),
		tokenData: TOKEN_DATA,
		tokenBase64: Buffer.from(tokenXml(TOKEN_DATA), 'utf8').toString('base64'),
		restrictedToken: tokenXml(RESTRICTED_TOKEN_DATA),
		clientId: CLIENT_ID,
		clientSecret: CLIENT_SECRET,
		webhookPassword: WEBHOOK_PASSWORD,
		otp: {
			apiKey: state.appConnectors[0].otp.apiKey,
			environmentKey: state.appConnectors[0].otp.environmentKey,
			userId: state.appConnectors[0].otp.users[0],
		},
	};

	return { handle, credentials, state };
}

module.exports = { createProfit };
