/** What a log line or a debugger would print of a value, hidden properties and the whole depth included. */
export function printed(value: unknown): string;
