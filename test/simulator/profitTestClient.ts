/** Small fetch helpers and response types for the Profit simulator tests (plain HTTP, nothing mocked). */
import type { Simulator } from '../simulator';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;
export interface GetConnectorBody {
	skip: number;
	take: number;
	rows: Row[];
}
export interface ProfitErrorBody {
	externalMessage: string;
	errorNumber: number;
	profitLogReference: string;
}
export interface OAuthBody {
	access_token?: string;
	token_type?: string;
	expires_in?: number;
	refresh_token?: string;
	error?: string;
	error_description?: string;
}
export interface FileBody {
	filename?: string;
	mimetype: string;
	filedata: string;
}

export interface JsonResponse<T> {
	status: number;
	headers: Headers;
	text: string;
	json: T;
}

type CallInit = RequestInit & { auth?: string | null };

export async function call<T = ProfitErrorBody>(
	sim: Simulator,
	path: string,
	init: CallInit = {},
): Promise<JsonResponse<T>> {
	const { auth, ...rest } = init;
	const headers = new Headers(rest.headers);
	if (auth !== null && !headers.has('Authorization')) {
		headers.set('Authorization', auth ?? `AfasToken ${sim.credentials.profit.tokenBase64}`);
	}
	const response = await fetch(`${sim.profitUrl}${path}`, { ...rest, headers });
	const text = await response.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json: json as T };
}

export async function sendJson<T = ProfitErrorBody>(
	sim: Simulator,
	method: string,
	path: string,
	body: unknown,
	init: CallInit = {},
): Promise<JsonResponse<T>> {
	return await call<T>(sim, path, {
		...init,
		method,
		headers: {
			'Content-Type': 'application/json;charset=utf-8',
			...Object.fromEntries(new Headers(init.headers)),
		},
		body: JSON.stringify(body),
	});
}

export async function getRows(
	sim: Simulator,
	connector: string,
	params: Record<string, string | number>,
): Promise<JsonResponse<GetConnectorBody>> {
	return await call<GetConnectorBody>(sim, `/connectors/${connector}?${query(params)}`);
}

export function query(params: Record<string, string | number>): string {
	return new URLSearchParams(
		Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
	).toString();
}
