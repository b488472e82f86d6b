/** Typings for the AFAS simulator (test/simulator/index.js) so TypeScript tests can import it. */

export interface SimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Default '127.0.0.1'. */
	host?: string;
	seed?: {
		profit?: ProfitOptions;
		[key: string]: unknown;
	};
	/** Same as seed.profit. */
	profit?: ProfitOptions;
	/**
	 * Order of rows that tie on every sort key: 'drift' (default) changes per request, so paging skip/take on a
	 * repeating field can lose or repeat rows; 'stable' keeps table order. A sort on a unique field is exact either way.
	 */
	sbTieOrder?: 'drift' | 'stable';
	/** HTTP status of a `PartiallySucceeded` write answer: 400 (default, where the spec files it) or 200. */
	sbPartialStatus?: 200 | 400;
	/** Rows when `take` is missing (default 100). */
	sbDefaultTake?: number;
	/** Clamp for `take` (default: none). */
	sbMaxTake?: number;
	[key: string]: unknown;
}

export interface ProfitOptions {
	/** Status for a call to a connector that is not linked to the app connector: 500 (default, standard body) or 401. */
	unlinkedStatus?: 500 | 401;
	/** 'drift' (default): unsorted paging after page 1 may repeat or skip rows, as AFAS warns. 'stable': exact. */
	unsortedPaging?: 'drift' | 'stable';
	/** What /profitversion returns. Default '22.22.5'. */
	profitVersion?: string;
	/**
	 * Modification times are stored with milliseconds and printed as whole seconds: 'truncate' (default) drops the
	 * fraction, 'round' rounds to the nearest second (then a row at 10:20:30.700 prints 10:20:31 and a filter
	 * `>= 10:20:31` misses it). Which one Profit 7+ does is UNVERIFIED. Filters and sorting always use the precise value.
	 */
	subSecond?: 'truncate' | 'round';
}

/** Connectors that `insert`/`modify` support, with their key field (match) and date fields (CreateDate, ModifiedDate). */
export type ChangeConnector =
	| 'Profit_Persons'
	| 'Profit_Organisations'
	| 'Profit_Employees'
	| 'Profit_Debtor';

export type ProfitWebhookEventType =
	| 'test.executed'
	| 'subject.created'
	| 'subject.updated'
	| 'subject.deleted'
	| 'subject.reaction.created'
	| 'subject.reaction.updated'
	| 'subject.reaction.deleted'
	| 'workflow.action.executed'
	| 'workflow.task.entered';

export interface ProfitWebhookOptions {
	url: string;
	/** Default 'test.executed'. */
	eventType?: ProfitWebhookEventType;
	/** Default: the fields AFAS documents for the type, for the last dossier item in Profit_Subjects. */
	data?: Record<string, unknown>;
	/** Default: `sim.credentials.profit.webhookPassword`. */
	password?: string;
	/** 'valid' (default); 'invalid' = a well-formed signature made with another password; 'missing' = no header. */
	signature?: 'valid' | 'invalid' | 'missing';
	/** Exact bytes to send instead of the generated event (e.g. a replayed body with one byte changed). */
	body?: string | Buffer;
	/** Compute the signature over these bytes instead of the body sent (e.g. the original of a tampered body). */
	signWith?: string | Buffer;
	/** Default: a random UUID (or the `EventId` of `body`). */
	eventId?: string;
	/** Default: the simulator clock in UTC with 7 fraction digits. */
	timestamp?: string;
}

export interface ProfitWebhookResult {
	/** The receiver's status; 0 when there was no answer (`error` says why: 'timeout' after 2 s, 'ECONNREFUSED', …). */
	status: number;
	body: string;
	eventId: string;
	error?: string;
	/** The exact body text sent. */
	requestBody: string;
}

export interface LoggedRequest {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	/** Lower-case names; authorization and other secrets redacted (`AfasToken ***`). */
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON, form object or text; secret fields redacted. */
	body: unknown;
	/** Undefined until the response finished (or for reset/hanging/truncated requests). */
	status: number | undefined;
	product: 'profit' | 'sb';
}

export type Fault = {
	match?: {
		method?: string;
		path?: string | RegExp;
		product?: 'profit' | 'sb';
		/** Each listed query parameter must have one of the given values, e.g. `{ skip: ['2000'] }`. */
		query?: Record<string, string | number | Array<string | number>>;
	};
	/** Apply to the next N matching requests; default: forever. */
	times?: number;
} & (
	| { type: 'latency'; ms?: number; minMs?: number; maxMs?: number }
	/**
	 * `afterHandling: true`: the request is fully handled first (a write is stored, its Tracking-Identifier
	 * remembered), then the client gets the 503 instead of the real answer: a retry must not write twice.
	 */
	| { type: 'unavailable'; retryAfter?: number; afterHandling?: boolean }
	| { type: 'lock' }
	/** `afterHandling: true`: the request is fully handled, then the connection is reset instead of answered. */
	| { type: 'reset'; afterHandling?: boolean }
	| { type: 'hang' }
	/** Answers exactly this (an HTML login page, `null`, '', `{"rows":{}}`, …). */
	| { type: 'answer'; status?: number; contentType?: string; body: string }
	/** The true answer's status, headers and full Content-Length, but only the first half of its bytes; then the socket is destroyed. */
	| {
			type: 'truncated';
			/** false: no Content-Length, and the connection is closed cleanly after the half body. */
			lengthHeader?: boolean;
	  }
	/** Empty body with `Location: location`. */
	| { type: 'redirect'; status?: 301 | 302 | 303 | 307 | 308; location: string }
	/** JSON whose `externalMessage`, `message` and `error_description` echo the raw Authorization header and raw request body. */
	| { type: 'echo'; status?: number }
	/** Bytes that are not HTTP at all, then the connection closes (the client's parser fails: HPE_*). */
	| { type: 'garbage' }
);

export interface ProfitCredentials {
	environmentNumber: string;
	envid: string;
	/** Full XML token. */
	token: string;
	/** The 64-hex data part of the token. */
	tokenData: string;
	/** Base64 of the full XML (equals the vendor's documented test vector). */
	tokenBase64: string;
	/** XML token of an IP-restricted app connector: every call answers 403. */
	restrictedToken: string;
	clientId: string;
	clientSecret: string;
	/** The password outbound webhooks are signed with (X-Profit-Signature-256 = HMAC-SHA256 of the body). */
	webhookPassword: string;
	/** For /otprequest and /otpvalidation. */
	otp: { apiKey: string; environmentKey: string; userId: string };
}

export interface SbCredentials {
	environment: string;
	appToken: string;
	clientId: string;
	clientSecret: string;
	[key: string]: unknown;
}

export type SbRow = Record<string, unknown>;

export interface SbState {
	environment: string;
	/**
	 * The rows of one table, live (seeded and written). Tables: one per catalogue list, named after its plural path
	 * (`organisations`, `addresses`, `journalentries`, `supplier` ...), plus one per write resource without a list
	 * (`salesjournalentry`, `financialjournalentry`, `cashmutation`, `mandates`, `emailaddress`, `phonenumber`,
	 * `payrolljournalentry`, `purchaseinvoice`, `purchasejournalentry`). Throws for an unknown name.
	 */
	rows<T = SbRow>(table: string): T[];
	/**
	 * The table a catalogue path reads or writes: `/api/address` -> 'addresses' (the singular list and the POST share
	 * the plural table), `/api/salesjournalentry` -> 'salesjournalentry' (one row per entry; its lines are rows of
	 * 'journalentries' with `HeaderId` = the entry id). Undefined for a path outside the catalogue.
	 */
	tableOf(path: string, method?: 'GET' | 'POST' | 'PUT' | 'DELETE'): string | undefined;
	/** Every table name. */
	tables(): string[];
	/** Stored first answers of processed writes, by Tracking-Identifier. */
	trackingIdentifiers: Map<string, { status: number; body: Record<string, unknown> }>;
	store: { rows(table: string): SbRow[]; [key: string]: unknown };
	[key: string]: unknown;
}

export interface GetConnectorField {
	id: string;
	fieldId: string;
	dataType: string;
	label: string;
	length: number;
	controlType: number;
	decimals: number;
	decimalsFieldId: string;
	values?: Array<{ id: string; description: string }>;
}

export type ProfitRecord = Record<string, unknown>;

export interface ProfitState {
	environmentNumber: string;
	envid: string;
	options: Required<ProfitOptions>;
	getConnectors: Array<{ id: string; description: string; fields: GetConnectorField[] }>;
	updateConnectors: Array<{
		id: string;
		name: string;
		description: string;
		fields: unknown[];
		objects: unknown[];
	}>;
	/** Seeded and written records, keyed by UpdateConnector field ids. */
	data: {
		persons: ProfitRecord[];
		organisations: ProfitRecord[];
		debtors: ProfitRecord[];
		employees: ProfitRecord[];
		subjects: ProfitRecord[];
		salesOrders: ProfitRecord[];
		journalEntries: ProfitRecord[];
		/** KnContact rows written below organisations. */
		contacts: ProfitRecord[];
		[key: string]: unknown;
	};
	/** One-time passwords sent by /otprequest. */
	outbox: Array<{
		userId: string;
		otp: string;
		appConnectorId: string;
		expiresAt: number;
		used?: boolean;
	}>;
	/** The rows a full read of the GetConnector returns now (dates as Profit prints them, with the `Z`). */
	rows(id: string): Array<Record<string, unknown>>;
	/** Back to the seeded records: writes undone, counters (BcCo, OrNu, EnNo…) restarted. Tokens and the clock stay. */
	reset(): void;
	/**
	 * Adds a row as an UpdateConnector insert would: CreateDate = ModifiedDate = the simulator clock (milliseconds
	 * kept, printed as whole seconds). `fields` use GetConnector column ids (`LastName`, `City`) or record field ids
	 * (`LaNm`); the key (`BcCo`, `EmployeeId`, `DebtorId`) is numbered when left out. Returns the row as a read shows it.
	 * Throws on an unknown connector or field, or a key that exists.
	 */
	insert(connector: ChangeConnector, fields?: Record<string, unknown>): Record<string, unknown>;
	/**
	 * Changes the one row that `match` finds (a key value, or `{ column: printedValue }`) and sets its ModifiedDate
	 * from the clock, even when `fields` is empty. Returns the row as a read shows it; throws unless exactly one matches.
	 */
	modify(
		connector: ChangeConnector,
		match: string | number | Record<string, unknown>,
		fields?: Record<string, unknown>,
	): Record<string, unknown>;
	/** POSTs one signed Profit webhook event (2 s timeout, no retries). Rejects only on bad options. */
	sendWebhook(options: ProfitWebhookOptions): Promise<ProfitWebhookResult>;
	webhookPassword: string;
	/** Every webhook sent, in order. */
	webhookDeliveries: Array<{ url: string; eventType: string; status: number; eventId: string }>;
	[key: string]: unknown;
}

export interface Simulator {
	url: string;
	profitUrl: string;
	sbUrl: string;
	port: number;
	credentials: { profit: ProfitCredentials; sb: SbCredentials };
	requests: LoggedRequest[];
	clearRequests(): void;
	addFault(fault: Fault): number;
	removeFault(id: number): void;
	clearFaults(): void;
	/** Moves the virtual clock used for every token expiry and modification date (also while frozen). */
	advanceTime(ms: number): void;
	/** Sets the clock to this instant (epoch ms, a Date, or a string with its zone); it keeps running unless frozen. */
	setTime(time: number | Date | string): void;
	/** Stops the clock at this instant (default: now) until `unfreezeTime`; `advanceTime` still moves it. */
	freezeTime(time?: number | Date | string): void;
	/** Lets the clock run on from where it was frozen. */
	unfreezeTime(): void;
	isTimeFrozen(): boolean;
	now(): number;
	profit: ProfitState;
	/** The SB half's state (see test/simulator/sb). */
	sb: SbState;
	close(): Promise<void>;
}

export function startSimulator(options?: SimulatorOptions): Promise<Simulator>;

export interface RecordedRequest {
	method: string;
	/** Path without the query. */
	path: string;
	/** Path with the query, as received. */
	url: string;
	/** Raw and unredacted: this is what a leaked credential would look like. */
	headers: Record<string, string | string[] | undefined>;
	/** Raw request body text. */
	body: string;
}

export interface Recorder {
	url: string;
	requests: RecordedRequest[];
	clear(): void;
	close(): Promise<void>;
}

/** A second local server that records what it receives and answers 200 `{"rows":[]}` to everything. */
export function startRecorder(options?: { host?: string; port?: number }): Promise<Recorder>;
