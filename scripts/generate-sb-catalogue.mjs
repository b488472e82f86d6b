#!/usr/bin/env node
/**
 * Derives the AFAS SB endpoint catalogue from AFAS's own OpenAPI file (AFASSoftware/OASContent
 * `OpenApiSpecs/sb/en/6-0-0.json`, copy in `../shared/afas-openapi/sb-6.0.0.json`), so the node, its resource
 * mapper and the simulator share one table and a plain clone builds without `../shared/`.
 *
 *   node scripts/generate-sb-catalogue.mjs [--shared ../shared] [--check]
 *
 * Writes `nodes/Afas/wire/sb/catalogue.generated.json` (typed by `catalogue.ts` / `catalogueTypes.ts`), deterministic: same input,
 * byte-identical output; Node built-ins only. `--check` writes nothing and exits 1 when the committed file differs
 * from what the spec gives. `--shared` is the folder holding `afas-openapi/` (default `../shared` next to the repo).
 *
 * One entry per operation of the spec (all 67, the 3 token endpoints included as kind `auth`), sorted by path then
 * method. Per entry:
 *  - acceptVersion: the version in the operationId (`get_organisations_2.0` -> `2.0`), written as the operationId
 *    writes it; the blob routes (operationId without a version) use the spec's example `1`. CONFLICT: for
 *    `post_purchasejournalentry_1.1_create` the spec's example says `1`; the operationId (and the version history,
 *    research §7: 1.1 since 5.3.0) says `1.1`, which we send; the example is kept as `specVersionExample`.
 *  - kind: GET list -> getMany, POST -> create, PUT -> update, DELETE -> delete, /api/blob/{uuid} -> blob (GET =
 *    download, PUT = upload), token endpoints -> auth. No `get`: SB has no GET-by-id route (research §2.2).
 *  - resource / group: from RESOURCES below (one row per path segment; an unknown segment stops the generator so a
 *    new spec forces a decision). Singular GETs with a plural twin are `getManyLegacy` with `legacyOf`.
 *  - parameters: path, query and unusual headers (Accept, Authorization, Accept-Version and Tracking-Identifier
 *    are implied). The spec's `id` path parameter on PUT/DELETE is dropped: those paths have no `{id}` and the id
 *    travels in the JSON body (research §2.2, §4.6). The blob GET gets `readkey` from AFAS's blob guide (§4.8).
 *  - list: bare array vs `{TrackingToken, Result}` from the 200 schema (tracked = that envelope plus the
 *    `TrackingToken` parameter), row fields, and the unique sort field (SORT_DECISIONS below): `Id`, else
 *    `InstanceId`, else a schema field known unique per record, else `uniqueSort: undefined` with the reason.
 *  - write: request body fields with $refs resolved (type, format, required, enum, pattern, multipleOf, maxLength,
 *    nested arrays/objects with their own fields) and the shape of the spec's first `Succeeded` example.
 * Descriptions keep their first line only, and only when they say more than the field name.
 *
 * Groups (what an AFAS user thinks of; the spec's Dutch bundle tags overlap too much to derive them):
 *   Relations      organisations, persons, contacts, addresses, bank accounts, e-mail, phone, unknown relations,
 *                  mandates (SEPA mandates hang on a relation and its bank account)
 *   Sales          sales invoices and journal entries, lines to be invoiced, products, projects, sales prices,
 *                  sales relations, debtor balances and payment terms
 *   Purchase       purchase invoices and journal entries, suppliers, creditor balances
 *   Finance        financial/payroll journal entries, cash registers and mutations, journal entries, ledger period
 *                  totals, accounting years and periods
 *   Reference data administrations, ledger accounts, countries, VAT rates/types, invoice VAT rates/percentages,
 *                  payment conditions/methods, feature toggles
 *   Attachments    /api/blob/{uuid}
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, REPO, writeOrCheck } from './lib/generated.mjs';

const OUTPUT = join(REPO, 'nodes/Afas/wire/sb/catalogue.generated.json');
const METHODS = ['get', 'post', 'put', 'delete'];

/** Path segment after /api/ (or the auth path) -> [resource, display name, group]. */
const RESOURCES = {
	accountingperiod: ['accountingPeriod', 'Accounting Period', 'Finance'],
	accountingyear: ['accountingYear', 'Accounting Year', 'Finance'],
	address: ['address', 'Address', 'Relations'],
	addresses: ['address', 'Address', 'Relations'],
	administration: ['administration', 'Administration', 'Reference data'],
	administrations: ['administration', 'Administration', 'Reference data'],
	bankaccount: ['bankAccount', 'Bank Account', 'Relations'],
	bankaccounts: ['bankAccount', 'Bank Account', 'Relations'],
	blob: ['attachment', 'Attachment', 'Attachments'],
	cashmutation: ['cashMutation', 'Cash Mutation', 'Finance'],
	cashregisters: ['cashRegister', 'Cash Register', 'Finance'],
	contact: ['contact', 'Contact', 'Relations'],
	contacts: ['contact', 'Contact', 'Relations'],
	countries: ['country', 'Country', 'Reference data'],
	country: ['country', 'Country', 'Reference data'],
	creditorbalance: ['creditorBalance', 'Creditor Balance', 'Purchase'],
	creditorinvoicebalance: ['creditorInvoiceBalance', 'Creditor Invoice Balance', 'Purchase'],
	debtorbalance: ['debtorBalance', 'Debtor Balance', 'Sales'],
	debtorinvoicebalance: ['debtorInvoiceBalance', 'Debtor Invoice Balance', 'Sales'],
	debtorpaymentterms: ['debtorPaymentTerm', 'Debtor Payment Term', 'Sales'],
	emailaddress: ['emailAddress', 'Email Address', 'Relations'],
	featuretoggles: ['featureToggle', 'Feature Toggle', 'Reference data'],
	financialjournalentry: ['financialJournalEntry', 'Financial Journal Entry', 'Finance'],
	invoicevatpercentage: ['invoiceVatPercentage', 'Invoice VAT Percentage', 'Reference data'],
	invoicevatrate: ['invoiceVatRate', 'Invoice VAT Rate', 'Reference data'],
	journalentries: ['journalEntry', 'Journal Entry', 'Finance'],
	ledgeraccount: ['ledgerAccount', 'Ledger Account', 'Reference data'],
	ledgeraccounts: ['ledgerAccount', 'Ledger Account', 'Reference data'],
	ledgerperiodtotals: ['ledgerPeriodTotal', 'Ledger Period Total', 'Finance'],
	linestobeinvoiced: ['lineToBeInvoiced', 'Line to Be Invoiced', 'Sales'],
	mandates: ['mandate', 'Mandate', 'Relations'],
	organisation: ['organisation', 'Organisation', 'Relations'],
	organisations: ['organisation', 'Organisation', 'Relations'],
	paymentconditions: ['paymentCondition', 'Payment Condition', 'Reference data'],
	paymentmethod: ['paymentMethod', 'Payment Method', 'Reference data'],
	payrolljournalentry: ['payrollJournalEntry', 'Payroll Journal Entry', 'Finance'],
	person: ['person', 'Person', 'Relations'],
	persons: ['person', 'Person', 'Relations'],
	phonenumber: ['phoneNumber', 'Phone Number', 'Relations'],
	products: ['product', 'Product', 'Sales'],
	projects: ['project', 'Project', 'Sales'],
	purchaseinvoice: ['purchaseInvoice', 'Purchase Invoice', 'Purchase'],
	purchasejournalentry: ['purchaseJournalEntry', 'Purchase Journal Entry', 'Purchase'],
	salesinvoice: ['salesInvoice', 'Sales Invoice', 'Sales'],
	salesinvoices: ['salesInvoice', 'Sales Invoice', 'Sales'],
	salesjournalentry: ['salesJournalEntry', 'Sales Journal Entry', 'Sales'],
	salespricesperrelation: ['salesPricePerRelation', 'Sales Price per Relation', 'Sales'],
	salesrelations: ['salesRelation', 'Sales Relation', 'Sales'],
	supplier: ['supplier', 'Supplier', 'Purchase'],
	unknownrelation: ['unknownRelation', 'Unknown Relation', 'Relations'],
	vatrate: ['vatRate', 'VAT Rate', 'Reference data'],
	vattype: ['vatType', 'VAT Type', 'Reference data'],
	'/app/token': ['oauthToken', 'OAuth Token', 'Authentication', 'refreshToken'],
	'/authentication/getaccesstoken': ['appToken', 'App Token', 'Authentication', 'exchangeAppToken'],
	'/authentication/getscopes': ['scope', 'Scope', 'Authentication', 'listScopes'],
};

/** Singular GET lists whose plural twin (spec 3.1.0 and later) is the current name. */
const LEGACY_LISTS = {
	address: 'addresses',
	administration: 'administrations',
	bankaccount: 'bankaccounts',
	country: 'countries',
	ledgeraccount: 'ledgeraccounts',
};

/**
 * Lists without `Id` or `InstanceId` in their row schema. The spec does not mark keys, so uniqueness is a reading
 * of what each row is (one decision per list, checked against the schema):
 *  - field: unique per record; the reason says why.
 *  - field undefined: no single field is unique; `scopedUnique` names a field unique within each value of another,
 *    when the row's meaning gives one (read such a list per scope value, e.g. per administration).
 */
const SORT_DECISIONS = {
	creditorinvoicebalance: {
		field: 'InvoiceId',
		reason: 'one row per open purchase invoice: InvoiceId (uuid)',
	},
	debtorinvoicebalance: {
		field: 'InvoiceId',
		reason: 'one row per open sales invoice: InvoiceId (uuid)',
	},
	journalentries: {
		field: 'LineId',
		reason:
			'one row per journal entry line: LineId (uuid); HeaderId repeats for the lines of one entry',
	},
	featuretoggles: {
		field: 'AdministrationId',
		reason: 'one row per administration (the toggles of that administration)',
	},
	creditorbalance: {
		reason: 'one row per relation per administration; RelationId repeats across administrations',
		scopedUnique: { scope: 'AdministrationId', field: 'RelationId' },
	},
	debtorbalance: {
		reason: 'one row per relation per administration; RelationId repeats across administrations',
		scopedUnique: { scope: 'AdministrationId', field: 'RelationId' },
	},
	salesrelations: {
		reason:
			'one row per sales relation per administration; RelationId repeats across administrations',
		scopedUnique: { scope: 'AdministrationId', field: 'RelationId' },
	},
	debtorpaymentterms: {
		reason:
			'InvoiceId holds the invoice number (e.g. V01240018), which repeats across administrations; the administration field is spelled AdministationId',
	},
	invoicevatpercentage: {
		reason: 'rows are (AdministrationCountryId, VatRateId) pairs; every field repeats',
		scopedUnique: { scope: 'AdministrationCountryId', field: 'VatRateId' },
	},
	invoicevatrate: {
		reason:
			'rows are (AdministrationCountryId, LedgerAccountId, VatRateId) triples; every field repeats',
	},
	ledgerperiodtotals: {
		reason:
			'rows are totals per accounting period, ledger account and opening-balance flag; every field repeats',
	},
};

function loadSpec(shared) {
	const file = join(shared, 'afas-openapi', 'sb-6.0.0.json');
	if (!existsSync(file))
		throw new Error(`${file} not found; pass --shared <folder holding afas-openapi/>`);
	return JSON.parse(readFileSync(file, 'utf8'));
}

function deref(spec, node) {
	let at = node;
	for (let hops = 0; at && at.$ref; hops++) {
		if (hops > 20) throw new Error(`$ref loop at ${node.$ref}`);
		at = at.$ref
			.replace(/^#\//, '')
			.split('/')
			.reduce((obj, key) => obj?.[key], spec);
		if (!at) throw new Error(`unresolved $ref ${node.$ref}`);
	}
	return at;
}

function oneLine(text) {
	if (typeof text !== 'string') return undefined;
	const line = text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.find((l) => l !== '');
	return line ? line.replace(/\s+/g, ' ') : undefined;
}

function valueType(prop) {
	if (['string', 'number', 'integer', 'boolean', 'object', 'array'].includes(prop.type))
		return prop.type;
	if (prop.properties) return 'object';
	if (prop.items) return 'array';
	return 'unknown';
}

function toFields(spec, schema) {
	const node = deref(spec, schema);
	if (!node?.properties) return [];
	const required = new Set(node.required ?? []);
	return Object.entries(node.properties).map(([name, prop]) =>
		toField(spec, name, prop, required.has(name)),
	);
}

function toField(spec, name, raw, required) {
	const prop = deref(spec, raw);
	const field = { name, type: valueType(prop) };
	if (prop.format && prop.format !== 'string') field.format = prop.format;
	if (required) field.required = true;
	if (Array.isArray(prop.enum)) field.enum = prop.enum.map(String);
	if (typeof prop.maxLength === 'number') field.maxLength = prop.maxLength;
	if (typeof prop.pattern === 'string') field.pattern = prop.pattern;
	if (typeof prop.multipleOf === 'number') field.multipleOf = prop.multipleOf;
	if (field.type === 'array') {
		const items = deref(spec, prop.items ?? {});
		if (valueType(items) === 'object') field.fields = toFields(spec, items);
		else field.itemType = valueType(items);
	} else if (field.type === 'object' && prop.properties) {
		field.fields = toFields(spec, prop);
	}
	const description = oneLine(prop.description);
	if (description && description.toLowerCase() !== name.toLowerCase())
		field.description = description;
	return field;
}

function versionOf(operationId) {
	return operationId?.match(/_(\d+(?:\.\d+)?)(?:_[a-z]+)?$/)?.[1];
}

/** `2.0` and `2` name the same endpoint version (research §2.3). */
function sameVersion(a, b) {
	return String(a).replace(/\.0$/, '') === String(b).replace(/\.0$/, '');
}

function parametersOf(spec, path, method, op) {
	const params = (op.parameters ?? []).map((p) => deref(spec, p));
	const versionParam = params.find((p) => p.name === 'Accept-Version');
	const out = [];
	for (const p of params) {
		if (['Accept', 'Authorization', 'Accept-Version', 'Tracking-Identifier'].includes(p.name))
			continue;
		if (p.in === 'path' && !path.includes(`{${p.name}}`)) continue;
		const schema = deref(spec, p.schema ?? {});
		const param = { name: p.name, in: p.in, type: valueType(schema) };
		if (schema.format && schema.format !== 'string') param.format = schema.format;
		if (p.required) param.required = true;
		if (schema.default !== undefined) param.default = String(schema.default);
		out.push(param);
	}
	if (method === 'get' && path === '/api/blob/{uuid}') {
		out.push({ name: 'readkey', in: 'query', type: 'string', required: true, source: 'docs' });
	}
	const order = { path: 0, query: 1, header: 2 };
	out.sort((a, b) => order[a.in] - order[b.in]);
	return {
		parameters: out,
		versionExample: versionParam?.example,
		trackingIdentifier: params.some((p) => p.name === 'Tracking-Identifier'),
	};
}

function exampleRows(content, shape) {
	const rows = [];
	for (const key of Object.keys(content.examples ?? {})) {
		const value = content.examples[key]?.value;
		const list = shape === 'tracked' ? value?.Result : value;
		if (Array.isArray(list)) rows.push(...list.filter((r) => r && typeof r === 'object'));
	}
	return rows;
}

function listInfo(spec, segment, op) {
	const content = op.responses?.['200']?.content?.['application/json'];
	if (!content) throw new Error(`GET ${segment}: no application/json 200 response`);
	const schema = deref(spec, content.schema);
	let shape;
	let rowSchema;
	if (schema.type === 'array') {
		shape = 'array';
		rowSchema = schema.items;
	} else if (schema.properties?.TrackingToken && schema.properties?.Result?.type === 'array') {
		shape = 'tracked';
		rowSchema = schema.properties.Result.items;
	} else throw new Error(`GET ${segment}: unknown 200 shape`);
	const hasTokenParam = (op.parameters ?? []).some((p) => deref(spec, p).name === 'TrackingToken');
	if ((shape === 'tracked') !== hasTokenParam)
		throw new Error(`GET ${segment}: envelope and TrackingToken parameter disagree`);
	const rowFields = toFields(spec, rowSchema);
	const names = new Set(rowFields.map((f) => f.name));
	const info = { shape, tracked: shape === 'tracked', rowFields };
	const decision = SORT_DECISIONS[segment];
	if (names.has('Id')) {
		if (decision) throw new Error(`${segment}: has Id, remove its SORT_DECISIONS row`);
		Object.assign(info, {
			uniqueSort: 'Id',
			sortBasis: 'Id',
			sortReason: 'Id identifies the record',
		});
	} else if (names.has('InstanceId')) {
		if (decision) throw new Error(`${segment}: has InstanceId, remove its SORT_DECISIONS row`);
		Object.assign(info, {
			uniqueSort: 'InstanceId',
			sortBasis: 'InstanceId',
			sortReason: 'InstanceId identifies the record (no Id field)',
		});
	} else if (!decision) {
		throw new Error(`${segment}: no Id/InstanceId; add a SORT_DECISIONS row`);
	} else if (decision.field) {
		if (!names.has(decision.field))
			throw new Error(`${segment}: ${decision.field} not in the row schema`);
		Object.assign(info, {
			uniqueSort: decision.field,
			sortBasis: 'schemaKey',
			sortReason: decision.reason,
		});
	} else {
		Object.assign(info, { uniqueSort: undefined, sortBasis: 'none', sortReason: decision.reason });
		if (decision.scopedUnique) {
			const { scope, field } = decision.scopedUnique;
			if (!names.has(scope) || !names.has(field))
				throw new Error(`${segment}: scopedUnique not in schema`);
			info.scopedUnique = { scope, field };
		}
	}
	const extra = new Set();
	for (const row of exampleRows(content, shape))
		for (const key of Object.keys(row)) if (!names.has(key)) extra.add(key);
	if (extra.size) info.exampleOnlyFields = [...extra].sort();
	return info;
}

function writeInfo(spec, op) {
	const content = op.requestBody?.content?.['application/json'];
	const bodySchema = content?.schema?.$ref?.split('/').pop();
	const bodyFields = content ? toFields(spec, content.schema) : [];
	let successStyle;
	let successKeys = [];
	const examples = op.responses?.['200']?.content?.['application/json']?.examples ?? {};
	for (const key of Object.keys(examples)) {
		const value = examples[key]?.value;
		if (value?.result !== 'Succeeded') continue;
		if (value.data && typeof value.data === 'object') {
			successStyle = 'data';
			successKeys = Object.keys(value.data);
		} else if (Array.isArray(value.instances)) {
			successStyle = 'instances';
			successKeys = [...new Set(value.instances.map((i) => i.Code))];
		}
		break;
	}
	return { bodySchema, bodyFields, successStyle, successKeys };
}

function operationEntry(spec, path, method, op) {
	const apiSegment = path.startsWith('/api/') ? path.slice(5).split('/')[0] : path;
	const row = RESOURCES[apiSegment];
	if (!row)
		throw new Error(`${method.toUpperCase()} ${path}: add the segment ${apiSegment} to RESOURCES`);
	const [resource, resourceName, group, authOperation] = row;
	const { parameters, versionExample, trackingIdentifier } = parametersOf(spec, path, method, op);
	const tags = op.tags ?? [];
	let kind;
	let operation;
	if (group === 'Authentication') [kind, operation] = ['auth', authOperation];
	else if (apiSegment === 'blob')
		[kind, operation] = ['blob', method === 'get' ? 'download' : 'upload'];
	else if (method === 'get') {
		kind = 'getMany';
		operation = LEGACY_LISTS[apiSegment] ? 'getManyLegacy' : 'getMany';
	} else kind = operation = { post: 'create', put: 'update', delete: 'delete' }[method];

	const idVersion = versionOf(op.operationId);
	const acceptVersion = group === 'Authentication' ? undefined : (idVersion ?? versionExample);
	if (group !== 'Authentication' && !acceptVersion) throw new Error(`${path}: no Accept-Version`);

	const entry = {
		method: method.toUpperCase(),
		path,
		operationId: op.operationId,
		acceptVersion,
	};
	if (acceptVersion && versionExample && !sameVersion(acceptVersion, versionExample))
		entry.specVersionExample = String(versionExample);
	Object.assign(entry, {
		kind,
		resource,
		resourceName,
		operation,
		group,
		summary: oneLine(op.summary) ?? oneLine(op.description) ?? `${method.toUpperCase()} ${path}`,
		tags,
		publicApi: tags.some((t) => t.startsWith('Publiek:')),
	});
	if (op.deprecated) entry.deprecated = true;
	if (LEGACY_LISTS[apiSegment] && method === 'get')
		entry.legacyOf = `/api/${LEGACY_LISTS[apiSegment]}`;
	entry.parameters = parameters;
	entry.trackingIdentifier = trackingIdentifier;
	const requestType = Object.keys(op.requestBody?.content ?? {})[0];
	if (requestType) entry.requestContentType = requestType;
	const responseType = Object.keys(op.responses?.['200']?.content ?? {})[0];
	if (responseType) entry.responseContentType = responseType;
	if (kind === 'getMany') entry.list = listInfo(spec, apiSegment, op);
	if (['create', 'update', 'delete'].includes(kind)) entry.write = writeInfo(spec, op);
	return entry;
}

function catalogue(spec) {
	const entries = [];
	for (const path of Object.keys(spec.paths).sort()) {
		for (const method of METHODS) {
			const op = spec.paths[path][method];
			if (op) entries.push(operationEntry(spec, path, method, op));
		}
	}
	const seen = new Set();
	for (const e of entries) {
		const key = `${e.resource}.${e.operation}`;
		if (seen.has(key)) throw new Error(`duplicate resource operation ${key}`);
		seen.add(key);
	}
	return entries;
}

// ---------- JSON output ----------

/**
 * JSON, not TypeScript, so the simulator (plain JavaScript) serves its SB routes from the very table the node
 * uses; `catalogue.ts` gives it its types.
 */
function render(spec, entries) {
	return `${JSON.stringify({ specVersion: String(spec.info?.version), operations: entries }, null, '\t')}\n`;
}

function main() {
	const args = parseArgs(process.argv.slice(2));
	const spec = loadSpec(args.shared);
	const text = render(spec, catalogue(spec));
	writeOrCheck([[OUTPUT, text]], {
		check: args.check,
		hint: '; run npm run generate:sb-catalogue',
	});
}

main();
