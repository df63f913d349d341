/**
 * The slider's words at a moment (value text and readout, src/ui/timeline-control.ts): a claim is said to be one,
 * unverified, as its badge says in the panel; before, "05:52:46 UTC, Crew reports cabin oxygen running out" was
 * spoken as a fact.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EventsFile } from '../story/schema';
import { askedFirst, buildTimelines } from '../time/timeline';
import { useLocale } from '../i18n';
import { momentWords, valueText } from './timeline-control';

const events = EventsFile.parse(JSON.parse(readFileSync('geo/events.json', 'utf8'))).events;
const tls = buildTimelines(events, { start: Date.parse('2024-12-25T03:55:00Z'), end: Date.parse('2024-12-25T06:28:00Z') });
const at = (id: string) => [...tls.flight.stops, ...tls.aftermath.stops].find((s) => s.id === id)!;
const cat = (l: string) => JSON.parse(readFileSync(`geo/i18n/${l}.json`, 'utf8'));

afterAll(() => useLocale('en', cat('en')));

describe("the slider's words", () => {
  it('a claim says it is one, unverified; an event of another status is its title', () => {
    expect(at('oxygen-call').event.status).toBe('claim');
    expect(valueText(tls.flight, at('oxygen-call').time)).toBe('05:52:46 UTC, Crew reports cabin oxygen running out (claim, unverified)');
    expect(momentWords(tls.flight, at('oxygen-call').time)).toMatchObject({
      event: 'Crew reports cabin oxygen running out (claim, unverified)',
      // The readout gives the title after a claim's badge (its end may be cut short; the badge never is).
      title: 'Crew reports cabin oxygen running out',
      claim: true,
    });
    expect(momentWords(tls.flight, at('first-impact').time)).toMatchObject({ title: 'First impact near Grozny', claim: false });
    expect(valueText(tls.flight, at('first-impact').time)).toBe('05:13:31 UTC, First impact near Grozny');
    expect(valueText(tls.aftermath, at('paladichuk-leak').time)).toBe('1 Jul 2025, Leaked “Paladichuk” note and audio (claim, unverified)');
  });
  // Opened at ?event=azerbaijan-mourning, the readout and the current mark named euronews-pantsir-report, the first
  // event of that day, and the panel gave the asked-for event second.
  it('where several events share the instant, the one asked for is named, and comes first in the panel', () => {
    const mourning = at('azerbaijan-mourning');
    const same = tls.aftermath.stops.filter((s) => s.time === mourning.time);
    expect(same.length).toBeGreaterThan(1);
    expect(same[0]!.id).not.toBe('azerbaijan-mourning');
    expect(momentWords(tls.aftermath, mourning.time, 'azerbaijan-mourning')).toMatchObject({ stop: 'azerbaijan-mourning', title: mourning.event.title });
    expect(momentWords(tls.aftermath, mourning.time).stop).toBe(same[0]!.id);
    expect(askedFirst(same, 'azerbaijan-mourning').map((s) => s.id)).toEqual([
      'azerbaijan-mourning',
      ...same.map((s) => s.id).filter((id) => id !== 'azerbaijan-mourning'),
    ]);
    expect(askedFirst(same, undefined)).toBe(same);
    expect(askedFirst(same, 'not-here')).toBe(same);
  });

  it("in the page's language", () => {
    useLocale('ru', cat('ru'));
    expect(valueText(tls.flight, at('oxygen-call').time)).toBe('05:52:46 UTC, Crew reports cabin oxygen running out (утверждение, не проверено)');
  });
});
