'use strict';
/** Deterministic pseudo-random helpers: the same seed gives the same data on every run and machine. */

/** mulberry32: a tiny, fast 32-bit PRNG. */
function prng(seed) {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A stateless hash of (index, salt) in [0, 1): lets lazily generated rows compute any cell independently. */
function hash01(index, salt) {
	let h = Math.imul((index + 1) ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 17, 0xc2b2ae35);
	h ^= h >>> 16;
	h = Math.imul(h, 0x7feb352d);
	h ^= h >>> 15;
	h = Math.imul(h, 0x846ca68b);
	h ^= h >>> 16;
	return (h >>> 0) / 4294967296;
}

function pick(list, r) {
	return list[Math.floor(r * list.length) % list.length];
}

function pad(number, width) {
	return String(number).padStart(width, '0');
}

/** `YYYY-MM-DDTHH:MM:SS` for a day offset from 2015-01-01 plus seconds in that day (no time zone maths needed). */
function localDate(dayOffset, secondsInDay = 0) {
	const date = new Date(Date.UTC(2015, 0, 1) + dayOffset * 86400000);
	const h = Math.floor(secondsInDay / 3600);
	const m = Math.floor((secondsInDay % 3600) / 60);
	const s = secondsInDay % 60;
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}T${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}`;
}

const FIRST_NAMES = [
	'Jan',
	'Anna',
	'Pieter',
	'Sanne',
	'Mohammed',
	'Fleur',
	'Daan',
	'Lotte',
	'Bram',
	'Eva',
	'Sem',
	'Noor',
	'Lucas',
	'Julia',
	'Finn',
	'Emma',
	'Levi',
	'Tess',
	'Milan',
	'Sophie',
];
const LAST_NAMES = [
	['', 'Jansen'],
	['de', 'Vries'],
	['van den', 'Berg'],
	['', 'Bakker'],
	['', 'Visser'],
	['', 'Smit'],
	['', 'Meijer'],
	['de', 'Boer'],
	['', 'Mulder'],
	['de', 'Groot'],
	['', 'Bos'],
	['', 'Vos'],
	['', 'Peters'],
	['', 'Hendriks'],
	['van', 'Leeuwen'],
	['', 'Dekker'],
	['', 'Brouwer'],
	['de', 'Wit'],
	['', 'Dijkstra'],
	['', 'Yılmaz'],
];
const CITIES = [
	'Leusden',
	'Amersfoort',
	'Utrecht',
	'Amsterdam',
	'Rotterdam',
	'Den Haag',
	'Eindhoven',
	'Groningen',
	'Zwolle',
	'Antwerpen',
];
const COMPANY_WORDS = [
	'Bouw',
	'Techniek',
	'Zorg',
	'Advies',
	'Logistiek',
	'Media',
	'Installatie',
	'Software',
	'Handel',
	'Groen',
];

module.exports = {
	prng,
	hash01,
	pick,
	pad,
	localDate,
	FIRST_NAMES,
	LAST_NAMES,
	CITIES,
	COMPANY_WORDS,
};
