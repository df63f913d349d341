import { describe, expect, it } from 'vitest';
import {
  ampEmbedSize,
  originAllowed,
  parseAllowedOrigins,
  parseAmpEmbedSize,
  parseHostMessage,
  parsePym,
  parsePymHeight,
  pymHeight,
  pymMessage,
  stateMessage,
  viewMessage,
  type HostContext,
} from './protocol';

const T0 = Date.parse('2024-12-25T03:55:00Z');
const T1 = Date.parse('2024-12-25T06:28:00Z');
const ctx: HostContext = { hasEvent: (id) => id === 'first-impact' || id === 'crash', inRange: (t) => t >= T0 && t <= T1, childId: 'map-1' };

describe('Pym wire format', () => {
  it('builds height messages exactly as pym.js 1.x does', () => {
    expect(pymHeight('map-1', 612)).toBe('pymxPYMxmap-1xPYMxheightxPYMx612');
    expect(pymHeight('map-1', 611.2)).toBe('pymxPYMxmap-1xPYMxheightxPYMx612');
    expect(pymMessage('x', 'width', 320)).toBe('pymxPYMxxxPYMxwidthxPYMx320');
  });
  it('parses them back, for this child only', () => {
    expect(parsePym('pymxPYMxmap-1xPYMxheightxPYMx612')).toEqual({ id: 'map-1', type: 'height', payload: '612' });
    expect(parsePymHeight('pymxPYMxmap-1xPYMxheightxPYMx612', 'map-1')).toBe(612);
    expect(parsePymHeight('pymxPYMxmap-2xPYMxheightxPYMx612', 'map-1')).toBeNull();
    expect(parsePymHeight('pymxPYMxmap-1xPYMxwidthxPYMx612', 'map-1')).toBeNull();
  });
  it('refuses malformed and absurd heights', () => {
    for (const s of [
      'pymxPYMxmap-1xPYMxheightxPYMx-5',
      'pymxPYMxmap-1xPYMxheightxPYMx0',
      'pymxPYMxmap-1xPYMxheightxPYMx12.5',
      'pymxPYMxmap-1xPYMxheightxPYMx9999999',
      'pymxPYMxmap-1xPYMxheightxPYMx1e3',
      'pymxPYMxmap-1xPYMxheight',
      'xPYMxmap-1xPYMxheightxPYMx5',
      'pymxPYMxmap-1xPYMxheightxPYMx5xPYMx6',
    ])
      expect(parsePymHeight(s, 'map-1'), s).toBeNull();
    expect(parsePym(42)).toBeNull();
    expect(parsePym('pymxPYMx<script>xPYMxheightxPYMx5')).toBeNull();
  });
});

describe('AMP embed-size', () => {
  it('builds and parses', () => {
    expect(ampEmbedSize(480.4)).toEqual({ sentinel: 'amp', type: 'embed-size', height: 481 });
    expect(parseAmpEmbedSize(ampEmbedSize(480))).toBe(480);
  });
  it('refuses other shapes', () => {
    for (const d of [
      null,
      'amp',
      [],
      { sentinel: 'amp', type: 'embed-size', height: '480' },
      { sentinel: 'amp', type: 'embed-size', height: -1 },
      { sentinel: 'amp', type: 'embed-size', height: 1e6 },
      { sentinel: 'x', type: 'embed-size', height: 480 },
      { sentinel: 'amp', type: 'embed-ready', height: 480 },
    ])
      expect(parseAmpEmbedSize(d)).toBeNull();
  });
});

describe('host messages', () => {
  it('accepts a seek by time or by event, exactly', () => {
    expect(parseHostMessage({ type: 'flightmap:seek', time: '2024-12-25T05:13:31Z' }, ctx)).toEqual({
      kind: 'seek-time',
      time: Date.parse('2024-12-25T05:13:31Z'),
    });
    expect(parseHostMessage({ type: 'flightmap:seek', time: '2024-12-25T05:13Z' }, ctx)).toEqual({
      kind: 'seek-time',
      time: Date.parse('2024-12-25T05:13:00Z'),
    });
    expect(parseHostMessage({ type: 'flightmap:seek', event: 'crash' }, ctx)).toEqual({ kind: 'seek-event', event: 'crash' });
    expect(parseHostMessage(JSON.parse('{"type":"flightmap:seek","event":"first-impact"}'), ctx)).toEqual({ kind: 'seek-event', event: 'first-impact' });
  });
  it('answers a Pym width message for this child', () => {
    expect(parseHostMessage('pymxPYMxmap-1xPYMxwidthxPYMx600', ctx)).toEqual({ kind: 'pym-width', width: 600 });
    expect(parseHostMessage('pymxPYMxother-idxPYMxwidthxPYMx600', ctx)).toBeNull();
    expect(parseHostMessage('pymxPYMxmap-1xPYMxnavigateToxPYMxjavascript:alert(1)', ctx)).toBeNull();
  });
  it('takes the host’s near / far (version 1), built as the snippet sends it', () => {
    expect(viewMessage(true)).toEqual({ type: 'flightmap:view', v: 1, view: 'near' });
    expect(parseHostMessage(viewMessage(true), ctx)).toEqual({ kind: 'view', near: true });
    expect(parseHostMessage(JSON.parse('{"type":"flightmap:view","v":1,"view":"far"}'), ctx)).toEqual({ kind: 'view', near: false });
  });
  const bogus: [string, unknown][] = [
    ['view of another version', { type: 'flightmap:view', v: 2, view: 'near' }],
    ['view without version', { type: 'flightmap:view', view: 'near' }],
    ['view version as string', { type: 'flightmap:view', v: '1', view: 'near' }],
    ['view neither near nor far', { type: 'flightmap:view', v: 1, view: 'in' }],
    ['view as boolean', { type: 'flightmap:view', v: 1, view: true }],
    ['view with extra key', { type: 'flightmap:view', v: 1, view: 'near', margin: 900 }],
    ['null', null],
    ['undefined', undefined],
    ['number', 5],
    ['array', ['flightmap:seek', 'crash']],
    ['a string', 'flightmap:seek'],
    ['script string', '<script>alert(1)</script>'],
    ['wrong type', { type: 'flightmap:state', event: 'crash' }],
    ['type with case', { type: 'Flightmap:seek', event: 'crash' }],
    ['no target', { type: 'flightmap:seek' }],
    ['both targets', { type: 'flightmap:seek', event: 'crash', time: '2024-12-25T05:13:31Z' }],
    ['extra key', { type: 'flightmap:seek', event: 'crash', html: '<img src=x onerror=alert(1)>' }],
    ['unknown event', { type: 'flightmap:seek', event: 'nope' }],
    ['event with markup', { type: 'flightmap:seek', event: '<b>crash</b>' }],
    ['event not a string', { type: 'flightmap:seek', event: { toString: () => 'crash' } }],
    ['prototype key', { type: 'flightmap:seek', event: '__proto__' }],
    ['non-ISO time', { type: 'flightmap:seek', time: '25 December 2024 05:13' }],
    ['local time', { type: 'flightmap:seek', time: '2024-12-25T05:13:31+03:00' }],
    ['time without zone', { type: 'flightmap:seek', time: '2024-12-25T05:13:31' }],
    ['overflowed time', { type: 'flightmap:seek', time: '2024-12-25T25:13:31Z' }],
    ['time out of range', { type: 'flightmap:seek', time: '2023-01-01T00:00:00Z' }],
    ['time as number', { type: 'flightmap:seek', time: Date.parse('2024-12-25T05:13:31Z') }],
    ['time with script', { type: 'flightmap:seek', time: '2024-12-25T05:13:31Z<script>' }],
    ['a Date object', { type: 'flightmap:seek', time: new Date('2024-12-25T05:13:31Z') }],
    ['class instance', Object.assign(new (class X {})(), { type: 'flightmap:seek', event: 'crash' })],
  ];
  for (const [name, data] of bogus) it(`ignores ${name}`, () => expect(parseHostMessage(data, ctx)).toBeNull());
  it('ignores an inherited type', () => {
    const o = Object.create({ type: 'flightmap:seek' }) as Record<string, unknown>;
    o.event = 'crash';
    expect(parseHostMessage(o, ctx)).toBeNull();
  });
});

describe('state message', () => {
  it('has the public moment only', () => {
    expect(stateMessage(Date.parse('2024-12-25T05:13:31Z'), 'first-impact')).toEqual({
      type: 'flightmap:state',
      time: '2024-12-25T05:13:31Z',
      event: 'first-impact',
    });
    expect(stateMessage(Date.parse('2024-12-25T05:14:00Z'), undefined)).toEqual({ type: 'flightmap:state', time: '2024-12-25T05:14:00Z', event: null });
  });
});

describe('allowed origins', () => {
  it('defaults to any', () => {
    expect(parseAllowedOrigins(undefined)).toBe('*');
    expect(parseAllowedOrigins('')).toBe('*');
    expect(parseAllowedOrigins(' * ')).toBe('*');
    expect(originAllowed('https://evil.example', '*')).toBe(true);
  });
  it('takes a comma-separated list of exact origins', () => {
    const a = parseAllowedOrigins('https://news.example.com, http://localhost:8080/ ,not a url');
    expect(a).toEqual(['https://news.example.com', 'http://localhost:8080']);
    expect(originAllowed('https://news.example.com', a)).toBe(true);
    expect(originAllowed('http://localhost:8080', a)).toBe(true);
    expect(originAllowed('https://news.example.com.evil.example', a)).toBe(false);
    expect(originAllowed('null', a)).toBe(false);
  });
  it('fails closed when nothing in the list is an origin', () => {
    expect(parseAllowedOrigins('news.example.com')).toEqual([]);
    expect(originAllowed('https://news.example.com', [])).toBe(false);
  });
});
