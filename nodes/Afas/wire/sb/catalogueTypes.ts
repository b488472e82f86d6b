/**
 * Shapes of the AFAS SB endpoint catalogue (`catalogue.generated.json`, typed by `catalogue.ts`), which
 * `scripts/generate-sb-catalogue.mjs` derives from AFAS's own OpenAPI file `sb-6.0.0.json`.
 * Only types live here so the generated module stays a pure data file.
 */

/** How an AFAS user groups SB data; `Authentication` holds the three token endpoints (credential, not node). */
export type SbGroup =
	| 'Relations'
	| 'Sales'
	| 'Purchase'
	| 'Finance'
	| 'Reference data'
	| 'Attachments'
	| 'Authentication';

/**
 * `get` stays in the union for the node's operation names, but SB 6.0.0 has no GET-by-id route except the blob:
 * a single record is read as a list with `filter=<uniqueSort> eq <value>` (research §2.2).
 */
export type SbOperationKind = 'getMany' | 'get' | 'create' | 'update' | 'delete' | 'blob' | 'auth';

export type SbHttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type SbValueType =
	| 'string'
	| 'number'
	| 'integer'
	| 'boolean'
	| 'object'
	| 'array'
	| 'unknown';

export interface SbField {
	readonly name: string;
	readonly type: SbValueType;
	/** As declared (uuid, date, email, uri, decimal?, DateTime?, bool, int64 ...); the noise format `string` is dropped. */
	readonly format?: string;
	readonly required?: true;
	readonly enum?: readonly string[];
	readonly maxLength?: number;
	readonly pattern?: string;
	readonly multipleOf?: number;
	/** Element type of an array of scalars. */
	readonly itemType?: SbValueType;
	/** Properties of an object, or of each element of an array of objects (invoice lines, addresses). */
	readonly fields?: readonly SbField[];
	/** First line of the spec's description, only when it says more than the name. */
	readonly description?: string;
}

export interface SbParameter {
	readonly name: string;
	readonly in: 'path' | 'query' | 'header';
	readonly type: SbValueType;
	readonly format?: string;
	readonly required?: true;
	readonly default?: string;
	/** `docs` = not in the spec, added from AFAS's guides (the blob `readkey`). */
	readonly source?: 'docs';
}

export interface SbListInfo {
	/** `array` = bare JSON array; `tracked` = `{ TrackingToken, Result: [...] }` and a `TrackingToken` query parameter. */
	readonly shape: 'array' | 'tracked';
	readonly tracked: boolean;
	readonly rowFields: readonly SbField[];
	/** A row field unique per record, to sort on while paging; undefined when the schema has none. */
	readonly uniqueSort: string | undefined;
	readonly sortBasis: 'Id' | 'InstanceId' | 'schemaKey' | 'none';
	readonly sortReason: string;
	/** When no field is unique overall: one that is unique within each value of `scope` (read per scope value). */
	readonly scopedUnique?: { readonly scope: string; readonly field: string };
	/** Row keys in AFAS's own response examples that the schema does not declare (casing drift, undeclared ids). */
	readonly exampleOnlyFields?: readonly string[];
}

export interface SbWriteInfo {
	/** `components.schemas` name of the request body, e.g. `updateconnector-organisation-3.0-create_request`. */
	readonly bodySchema: string | undefined;
	readonly bodyFields: readonly SbField[];
	/** Shape of the spec's first `Succeeded` example: `data: { <Key>Id }` or `instances: [{ Code, Id }]`. */
	readonly successStyle: 'data' | 'instances' | undefined;
	/** The `data` keys, or the `instances[].Code` values, of that example. */
	readonly successKeys: readonly string[];
}

export interface SbOperation {
	readonly method: SbHttpMethod;
	/** Relative to the environment base URL, e.g. `/api/organisations`. */
	readonly path: string;
	readonly operationId: string | undefined;
	/** The `Accept-Version` to send (the version in the operationId; the spec example for the blob). */
	readonly acceptVersion: string | undefined;
	/** The spec's `Accept-Version` example, only when it names a different version than `acceptVersion`. */
	readonly specVersionExample?: string;
	readonly kind: SbOperationKind;
	/** Node resource (singular and plural endpoints share one), e.g. `organisation`. */
	readonly resource: string;
	readonly resourceName: string;
	/** Unique within the resource: getMany, getManyLegacy, create, update, delete, download, upload, ... */
	readonly operation: string;
	readonly group: SbGroup;
	readonly summary: string;
	/** AFAS's bundles (Dutch), e.g. `Relaties`, `Publiek: Relatiemanagement`. */
	readonly tags: readonly string[];
	/** In at least one `Publiek: ...` bundle (available to custom apps). */
	readonly publicApi: boolean;
	readonly deprecated?: true;
	/** For an older singular GET: the path of its current plural twin. */
	readonly legacyOf?: string;
	/** Path, query and non-standard header parameters (Accept, Authorization, Accept-Version, Tracking-Identifier left out). */
	readonly parameters: readonly SbParameter[];
	/** The operation declares the `Tracking-Identifier` header (idempotent writes). */
	readonly trackingIdentifier: boolean;
	readonly requestContentType?: string;
	readonly responseContentType?: string;
	readonly list?: SbListInfo;
	readonly write?: SbWriteInfo;
}
