/** skip/take paging as both AFAS products do it (Profit §5.2; SB §4.3). */

/**
 * AFAS (Profit and SB) has no total count or "more" flag: the data ends with the first page that holds fewer rows than asked
 * for (§5.2). A take of -1 (everything in one request) is always the last page.
 */
export function isLastPage(rowsReturned: number, take: number): boolean {
	return take < 1 || rowsReturned < take;
}

/** The `take` for the next page: the page size, or fewer when a limit leaves less to fetch. */
export function takeForPage(pageSize: number, remaining?: number): number {
	return remaining === undefined ? pageSize : Math.max(0, Math.min(pageSize, remaining));
}
