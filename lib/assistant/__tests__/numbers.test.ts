import { ordinalWord, parseCount, parseDurationMs, parseNumber, parseOrdinal, parsePercent, parseSpeedFactor } from '../numbers';
import { formatPercent, formatSeconds, formatSpeed } from '../replies';

test.each([
  ['3', 3],
  ['1.5', 1.5],
  ['.5', 0.5],
  ['three', 3],
  ['Twenty Five', 25],
  ['one and a half', 1.5],
  ['two and a half', 2.5],
  ['half a', 0.5],
  ['a', 1],
  ['a couple of', 2],
  ['one hundred and five', 105],
  ['a hundred', 100],
  ['five two', null],
  ['twenty twenty', null],
  ['and a half', null],
  ['bit', null],
  ['', null],
])('parseNumber(%j) is %j', (text, expected) => {
  expect(parseNumber(text)).toBe(expected);
});

test.each([
  ['2 seconds', 2000],
  ['2s', 2000],
  ['500ms', 500],
  ['1.5 sec', 1500],
  ['two and a half seconds', 2500],
  ['half a second', 500],
  ['a second', 1000],
  ['1 minute 30 seconds', 90000],
  ['1 minute and 30 seconds', 90000],
  ['0:05', 5000],
  ['1:30.5', 90500],
  ['3', null],
  ['seconds', null],
  ['2 bananas', null],
])('parseDurationMs(%j) with a unit required is %j', (text, expected) => {
  expect(parseDurationMs(text, { bareNumber: false })).toBe(expected);
});

test('a bare number counts as seconds only where the slot implies a duration', () => {
  expect(parseDurationMs('3', { bareNumber: true })).toBe(3000);
  expect(parseDurationMs('1 minute 30', { bareNumber: true })).toBeNull();
});

test.each([
  ['2x', 2],
  ['1.5 x', 1.5],
  ['x2', 2],
  ['3 times', 3],
  ['twice', 2],
  ['half speed', 0.5],
  ['normal speed', 1],
  ['0x', null],
  ['fast', null],
])('parseSpeedFactor(%j) is %j', (text, expected) => {
  expect(parseSpeedFactor(text, { bareNumber: false })).toBe(expected);
});

test.each([
  ['50%', 50],
  ['fifty percent', 50],
  ['half', 50],
  ['max', 100],
  ['40', null],
])('parsePercent(%j) is %j', (text, expected) => {
  expect(parsePercent(text, { bareNumber: false })).toBe(expected);
});

test.each([
  ['first', { index: 0, fromEnd: false }],
  ['3rd', { index: 2, fromEnd: false }],
  ['tenth', { index: 9, fromEnd: false }],
  ['last', { index: 0, fromEnd: true }],
  ['second last', { index: 1, fromEnd: true }],
  ['penultimate', { index: 1, fromEnd: true }],
  ['scene', null],
])('parseOrdinal(%j) is %j', (text, expected) => {
  expect(parseOrdinal(text)).toEqual(expected);
});

test('counts are whole numbers of at least one', () => {
  expect(parseCount('three')).toBe(3);
  expect(parseCount('1.5')).toBeNull();
  expect(parseCount('zero')).toBeNull();
});

test('ordinal words read naturally', () => {
  expect([1, 2, 10, 21, 22, 23, 111].map(ordinalWord)).toEqual(['first', 'second', 'tenth', '21st', '22nd', '23rd', '111th']);
});

test('formatting keeps the precision a value has', () => {
  expect(formatSeconds(5000)).toBe('5.0 s');
  expect(formatSeconds(2250)).toBe('2.25 s');
  expect(formatSeconds(2667)).toBe('2.667 s');
  expect(formatSpeed(0.5)).toBe('0.5x');
  expect(formatSpeed(2)).toBe('2x');
  expect(formatPercent(40)).toBe('40%');
});
