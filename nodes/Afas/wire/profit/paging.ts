import { AfasInputError } from '../inputError';

/**
 * Page sizes for GetConnector reads (research §5.2). AFAS documents no hard maximum; its guidance is
 * "[number of columns] x [number of rows] < 150,000" and a request should take under a second. Too much data at
 * once gives HTTP 500 "Out of String space"/"Out of memory".
 */
export const CELLS_PER_PAGE_LIMIT = 150_000;
/** Lower bound for very wide connectors: fewer rows per page would only multiply requests. */
export const MIN_PAGE_SIZE = 10;
/** Upper bound for narrow connectors (clients use 10 000 in chunked mode; pages stay quick and memory-friendly). */
export const MAX_PAGE_SIZE = 10_000;
/** When the column count is unknown (metainfo not read): AFAS's own default of 100 is needlessly small. */
export const DEFAULT_PAGE_SIZE = 1_000;
/** Highest page size a user may set; anything larger is what "Fetch in One Request" is for. */
export const MAX_PAGE_SIZE_OVERRIDE = 100_000;

/**
 * Rows per page: `override` when the user set one (validated; 0 or undefined = automatic), else the largest count
 * with columns × rows < 150 000, kept between MIN_PAGE_SIZE and MAX_PAGE_SIZE.
 */
export function choosePageSize(columnCount: number, override?: number): number {
	if (override !== undefined && override !== null && override !== 0) {
		if (!Number.isInteger(override) || override < 1 || override > MAX_PAGE_SIZE_OVERRIDE)
			throw new AfasInputError(
				'Page Size',
				`The page size must be a whole number from 1 to ${MAX_PAGE_SIZE_OVERRIDE} (got ${override})`,
				'Leave it at 0 to size pages from the number of columns, or use Fetch in One Request',
			);
		return override;
	}
	if (!Number.isFinite(columnCount) || columnCount < 1) return DEFAULT_PAGE_SIZE;
	const rows = Math.floor((CELLS_PER_PAGE_LIMIT - 1) / Math.ceil(columnCount));
	return Math.min(MAX_PAGE_SIZE, Math.max(MIN_PAGE_SIZE, rows));
}
