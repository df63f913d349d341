/**
 * Schemas for every story file in geo/. Pure: no DOM, no MapLibre.
 * The same schemas run at build time (scripts/validate.ts, the Vite plugin) and in the browser
 * (src/story/load.ts), so a bad file is refused with the same message everywhere.
 */
import { z } from 'zod';
import { utcDayStart } from '../geo/day';

// No code generation: zod's JIT uses `new Function`, which a strict Content Security Policy forbids.
z.config({ jitless: true });

/** How far to trust an item (facts.md, "Status labels"). */
export const STATUSES = ['official-report', 'official-statement', 'ads-b', 'reported', 'claim', 'derived'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

/** Geometry certainty classes, each drawn in its own style and explained in the legend. */
export const CERTAINTIES = ['known', 'planned', 'approximate', 'reconstructed'] as const;
export const Certainty = z.enum(CERTAINTIES);
export type Certainty = z.infer<typeof Certainty>;

export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id (a-z, 0-9, single dashes)');

/** ISO 8601 in UTC with a Z: 2024-12-25T05:13:31Z (seconds required, fraction not allowed). */
export const UtcTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'must be ISO 8601 UTC like 2024-12-25T05:13:31Z')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().slice(0, 19) + 'Z' === s, {
    message: 'is not a real calendar time',
  });

/** A calendar date, for reporting dates: 2024-12-26. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date like 2024-12-26')
  .refine((s) => !Number.isNaN(utcDayStart(s)), {
    message: 'is not a real calendar date',
  });

/**
 * A source key: facts.md's key (`S13`); a letter when facts.md lists several URLs under one key, each of which
 * is its own source (`S58a`, `S58b`); `SEED002` for the project's seed articles (shared/seeds/).
 */
const SOURCE_KEY = /^(?:S\d+[a-z]?|SEED\d{3})$/;
const SOURCE_KEY_MSG = 'must be a source key like S13, S58a or SEED002';
export const SourceRefs = z.array(z.string().regex(SOURCE_KEY, SOURCE_KEY_MSG)).min(1, 'needs at least one source');

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

// ---------------------------------------------------------------- sources.json
/** One source: one URL (or, for a text kept without its address, a note saying where it is kept). */
export const Source = z
  .strictObject({
    id: z.string().regex(SOURCE_KEY, SOURCE_KEY_MSG),
    outlet: text(120),
    title: text(300),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    /** Where the text is kept when its address was not recorded (the seeds). */
    note: text(300).optional(),
    /** The outlet's text as another site republished it (the url is the copy's): said beside the outlet's name. */
    republished: z.literal(true).optional(),
    /** Its outlet was not recorded (`outlet` says so in English): the page says so in the reader's language. */
    unattributed: z.literal(true).optional(),
  })
  .refine((s) => s.url !== undefined || s.note !== undefined, { message: 'needs a url, or a note saying where its text is kept', path: ['url'] });
export type Source = z.infer<typeof Source>;
export const SourcesFile = z.strictObject({ sources: z.array(Source).min(1) });

// ---------------------------------------------------------------- region.json
/** The story's declared region: every coordinate must fall inside (swapped lat/lon fall outside). */
export const RegionFile = z.strictObject({
  name: text(80),
  /** [west, south, east, north] in degrees */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  /** How far the reader may pan the map, [west, south, east, north]: it holds the region (and the basemap's extent). */
  maxBounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
});

// ---------------------------------------------------------------- GeoJSON geometry
const Lon = z.number().min(-180, 'longitude below -180').max(180, 'longitude above 180');
const Lat = z.number().min(-90, 'latitude below -90').max(90, 'latitude above 90');
export const Position = z.tuple([Lon, Lat]).or(z.tuple([Lon, Lat, z.number()]));
export const PointGeometry = z.strictObject({ type: z.literal('Point'), coordinates: Position });
/** A Polygon (RFC 7946 §3.1.6): linear rings of 4 or more positions; closure and winding are checked in validate.ts. */
export const PolygonGeometry = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(Position).min(4, 'a linear ring needs at least 4 positions')).min(1, 'a Polygon needs an exterior ring'),
});
export const LineGeometry = z.strictObject({
  type: z.literal('LineString'),
  coordinates: z.array(Position).min(2, 'a LineString needs at least 2 positions'),
});

const common = {
  id: Id,
  name: text(120),
  status: Status,
  sources: SourceRefs,
  /** Why it is drawn where it is, in plain words (shown in the feature popup). */
  note: text(600).optional(),
};

// ---------------------------------------------------------------- places.geojson
export const PlaceProps = z.strictObject({
  ...common,
  kind: z.enum(['airport', 'crash-site']),
  /** City the airport serves, for map labels. */
  city: text(60).optional(),
  iata: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  icao: z
    .string()
    .regex(/^[A-Z]{4}$/)
    .optional(),
  /** Short role in the story, e.g. "Origin", "Planned destination". */
  role: text(160),
  /** IANA zone of local time at the place. */
  timeZone: z.string().optional(),
});
export const PlaceFeature = z.strictObject({ type: z.literal('Feature'), geometry: PointGeometry, properties: PlaceProps });
export const PlacesFile = z.strictObject({ type: z.literal('FeatureCollection'), features: z.array(PlaceFeature).min(1) });
export type PlaceFeature = z.infer<typeof PlaceFeature>;

// ---------------------------------------------------------------- route-planned.geojson
export const RouteProps = z.strictObject({ ...common, certainty: z.literal('planned') });
export const RouteFeature = z.strictObject({ type: z.literal('Feature'), geometry: LineGeometry, properties: RouteProps });
export const RouteFile = z.strictObject({ type: z.literal('FeatureCollection'), features: z.array(RouteFeature).min(1) });
export type RouteFeature = z.infer<typeof RouteFeature>;

// ---------------------------------------------------------------- strike-area.geojson
/**
 * An area of uncertainty: a circle (the sources give no outline). The geometry is the circle as a Polygon,
 * generated from `center` and `radiusKm` by `npm run areas` (scripts/build-areas.ts); validate.ts refuses a
 * polygon that is not that circle.
 */
export const AreaProps = z.strictObject({
  ...common,
  kind: z.literal('area'),
  /** The circle's centre, [lon, lat]. */
  center: z.tuple([Lon, Lat]),
  radiusKm: z.number().positive().max(200),
  /** Who places the event here, in words ("Kazakh preliminary report: near Grozny"). */
  basis: text(300),
});
/** One claimed point, attributed. */
export const ClaimProps = z.strictObject({
  ...common,
  kind: z.literal('claim'),
  claimedBy: text(160),
  /** Who claims it, in a few words: the map names it with the claim ("VChK-OGPU: 18 km NNW …"). */
  claimant: text(40),
  /** When the claim was first published (drives the aftermath chapter). */
  firstReported: IsoDate,
  altitudeM: z.number().nonnegative().max(15000).optional(),
  /** How the point was derived from the words of the claim. */
  basis: text(400),
});
/** Areas are Polygons and claims are Points; which goes with which kind is checked in validate.ts. */
export const StrikeAreaFeature = z.strictObject({
  type: z.literal('Feature'),
  geometry: z.union([PointGeometry, PolygonGeometry]),
  properties: z.discriminatedUnion('kind', [AreaProps, ClaimProps]),
});
export const StrikeAreaFile = z.strictObject({ type: z.literal('FeatureCollection'), features: z.array(StrikeAreaFeature).min(1) });
export type StrikeAreaFeature = z.infer<typeof StrikeAreaFeature>;

// ---------------------------------------------------------------- track.geojson
/** A timed end of a leg: where the aircraft is taken to be at that time, and how uncertain that is. */
export const Knot = z.strictObject({
  time: UtcTime,
  uncertaintyKm: z.number().nonnegative().max(300),
  /** Why the position at this time is taken to be here. */
  basis: text(300),
});
/** A leg of the flown path between two timed knots; interior vertices are shape points (no times). */
export const LegProps = z.strictObject({
  ...common,
  certainty: z.enum(['known', 'approximate', 'reconstructed']),
  start: Knot,
  end: Knot,
  /** Uncertainty at the middle of the leg, when larger than at its ends (km). */
  midUncertaintyKm: z.number().nonnegative().max(300).optional(),
});
export const LegFeature = z.strictObject({ type: z.literal('Feature'), geometry: LineGeometry, properties: LegProps });
export const TrackFile = z.strictObject({ type: z.literal('FeatureCollection'), features: z.array(LegFeature).min(1) });
export type LegFeature = z.infer<typeof LegFeature>;

// ---------------------------------------------------------------- disputes.json
export const Account = z.strictObject({
  id: Id,
  /** Who said it: a person, agency or outlet, named. */
  who: text(160),
  /** What they said, in our words or a short attributed quote. */
  said: text(400),
  /** When it was said or published. */
  date: IsoDate.optional(),
  /** Instead of a date, when the sources give none: why (shown as "date not known"; such accounts come last). */
  undated: text(200).optional(),
  status: Status,
  sources: SourceRefs,
});
export const Dispute = z.strictObject({
  id: Id,
  question: text(160),
  accounts: z.array(Account).min(2, 'a dispute needs at least two accounts'),
});
export const DisputesFile = z.strictObject({ disputes: z.array(Dispute).min(1) });
export type Dispute = z.infer<typeof Dispute>;
export type Account = z.infer<typeof Account>;

// ---------------------------------------------------------------- events.json
export const CHAPTERS = ['flight', 'aftermath'] as const;
export const Chapter = z.enum(CHAPTERS);
export type Chapter = z.infer<typeof Chapter>;

export const Event = z.strictObject({
  id: Id,
  chapter: Chapter,
  time: UtcTime,
  /** How precisely the time is known: exact second, minute, approximate ("~05:10"), or only the day. */
  precision: z.enum(['second', 'minute', 'approximate', 'day']),
  title: text(90),
  text: text(600),
  /** Optional id of a feature in places, strike-area or track, to highlight. */
  place: Id.optional(),
  status: Status,
  /** How an item with this status reaches us when not directly, e.g. "an analysis of the report on an aggregator". */
  via: text(120).optional(),
  sources: SourceRefs,
  /** Ids of disputes (disputes.json) this event touches; their accounts are shown side by side. */
  disputes: z.array(Id).optional(),
});
export const EventsFile = z.strictObject({ events: z.array(Event).min(15, 'the timeline needs at least 15 events') });
export type StoryEvent = z.infer<typeof Event>;

// ---------------------------------------------------------------- frames.json
/** A named view of the story: what the camera frames (feature ids), and which points it keeps apart. */
export const Frame = z.strictObject({
  id: Id,
  /** What the view shows, for people editing the data (and a tooltip). */
  title: text(120),
  /** Features to frame (ids in places, strike-area, route or track): the camera fits their extent. */
  features: z.array(Id).min(1, 'a frame needs at least one feature'),
  /** Points (claims, places) the camera keeps far enough apart to tell and name each: it zooms in for them if it must. */
  keepApart: z.array(Id).min(2, 'keepApart needs at least two points').optional(),
  /** The highest zoom the camera frames it at (a small place shown with its surroundings): 3 to 12, the map's own range. */
  maxZoom: z.number().min(3).max(12).optional(),
});
export const FramesFile = z.strictObject({
  frames: z.array(Frame).min(1),
  /** Every event's frame: event id → frame id. */
  events: z.record(Id, Id),
});
export type Frame = z.infer<typeof Frame>;
export type FramesFile = z.infer<typeof FramesFile>;

// ---------------------------------------------------------------- content.json
/** A key of the language catalogues (geo/i18n/en.json → messages): the words live there, in every language. */
const MessageKey = z.string().regex(/^[a-z][A-Za-z0-9]*(?:\.[a-z][A-Za-z0-9]*)+$/, 'must be a catalogue message key like page.title');

/**
 * The story's copy and roles: its English title and publisher (the citation, the downloads, oEmbed), which
 * catalogue message holds each title the page, the embed and the export show, and which ids play which part.
 */
export const ContentFile = z.strictObject({
  /** The story's title, in English: the citation, the downloads' metadata, oEmbed's `title`. */
  title: text(160),
  /** Who publishes the map: the citation, the downloads, oEmbed's `provider_name`. */
  publisher: text(120),
  /**
   * Which catalogue message (geo/i18n/) holds the copy the build writes in English: the words stay in the
   * catalogues, translated there. The headline, standfirst and export title are catalogue messages the page
   * reads itself (page.h1, page.dek, export.title).
   */
  messages: z.strictObject({
    /** The page's <title>. */
    pageTitle: MessageKey,
    /** The page's <meta name="description">. */
    description: MessageKey,
    /** The embed's iframe title in oEmbed's snippet (the Embed dialog shows the reader's language's). */
    iframeTitle: MessageKey,
  }),
  roles: z.strictObject({
    /** The official account's area (a strike-area `area`): drawn as a dashed ring, the others filled. */
    officialArea: Id,
  }),
  /** The frame (geo/frames.json) the map opens on and resets to. */
  openingFrame: Id,
  /** The disputes (geo/disputes.json) the panel follows through the year after, in this order. */
  followedDisputes: z.array(Id).min(1),
});
export type Content = z.infer<typeof ContentFile>;

// ---------------------------------------------------------------- the whole story
/** The parsed, cross-checked story: what the app draws. */
export interface StoryData {
  region: z.infer<typeof RegionFile>;
  sources: z.infer<typeof SourcesFile>['sources'];
  places: z.infer<typeof PlacesFile>;
  route: z.infer<typeof RouteFile>;
  strike: z.infer<typeof StrikeAreaFile>;
  track: z.infer<typeof TrackFile>;
  events: z.infer<typeof EventsFile>['events'];
  disputes: z.infer<typeof DisputesFile>['disputes'];
  /** The camera's named views and every event's view. */
  frames: z.infer<typeof FramesFile>;
  /** The story's title and publisher, which catalogue message holds each title, which ids play which part. */
  content: z.infer<typeof ContentFile>;
}
