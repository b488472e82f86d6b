import generated from './catalogue.generated.json';
import type { SbGroup, SbListInfo, SbOperation } from './catalogueTypes';

/**
 * AFAS SB's endpoints as `scripts/generate-sb-catalogue.mjs` derives them from AFAS's spec. The data is JSON so
 * the simulator serves its routes from the same table; the generator guarantees the shape declared here.
 */
export const SB_CATALOGUE_SPEC_VERSION: string = generated.specVersion;
export const SB_CATALOGUE = generated.operations as unknown as readonly SbOperation[];

/** The groups the node offers, in the order an AFAS user meets them (token endpoints belong to the credential). */
export const SB_GROUPS: ReadonlyArray<Exclude<SbGroup, 'Authentication'>> = [
	'Relations',
	'Sales',
	'Purchase',
	'Finance',
	'Reference data',
	'Attachments',
];

const BY_KEY = new Map(
	SB_CATALOGUE.map((entry) => [`${entry.resource}.${entry.operation}`, entry]),
);

/** The catalogue entry of one resource operation (`organisation`, `create`), if the spec has it. */
export function sbOperation(resource: string, operation: string): SbOperation | undefined {
	return BY_KEY.get(`${resource}.${operation}`);
}

/** A list endpoint (Get Many): its `list` is always there. */
export type SbListEntry = SbOperation & { list: SbListInfo };

export function isListEntry(entry: SbOperation | undefined): entry is SbListEntry {
	return entry?.list !== undefined;
}

/** The entry's path below the SB client's base URL (`{env}/api`): `/api/organisations` → `/organisations`. */
export function sbApiPath(entry: SbOperation): string {
	return entry.path.replace(/^\/api(?=\/)/, '');
}

/** Every entry of one resource (singular and plural endpoints share one), in catalogue order. */
export function sbOperationsOf(resource: string): SbOperation[] {
	return SB_CATALOGUE.filter((entry) => entry.resource === resource);
}
