// How the articles of a story date their event (years, weekdays, calendar days), kept as counts:
// a story's date is what most of its articles say. (A union of every year and weekday named would soon cover everything, as
// grown stories gather the dates of follow-ups and look-backs, and stop telling two events of
// the same kind apart: two earthquakes, two title defences, an emergency patch years later.)

/**
 * When an article dates itself: its year (see eventDate), weekdays as a bit set (Monday = bit 0)
 * and the calendar days it names (see calendarDay).
 */
export interface ArticleDate {
  year: number | null;
  days: number;
  dates: readonly number[];
}

export interface DateProfile {
  /** members that name some year */
  yearNamers: number;
  /** per year, the members dated to it */
  years: Map<number, number>;
  /** members that name some weekday */
  dayNamers: number;
  /** per weekday (bit index), the members naming it */
  days: number[];
  /** members that name some calendar day */
  dateNamers: number;
  /** per calendar day, the members naming it */
  dates: Map<number, number>;
}

export interface DateWeights {
  /** multiplier when the story's dating members name another year (or weekday) */
  conflict: number;
  /** bonus when they name the article's calendar day */
  sameDay: number;
}

/** Share of the dating members a date must have to count as the story's own. */
const CONSENSUS = 0.5;

export function emptyProfile(): DateProfile {
  return {
    yearNamers: 0,
    years: new Map(),
    dayNamers: 0,
    days: [0, 0, 0, 0, 0, 0, 0],
    dateNamers: 0,
    dates: new Map(),
  };
}

export function addDate(profile: DateProfile, date: ArticleDate): void {
  if (date.year !== null) {
    profile.yearNamers++;
    profile.years.set(date.year, (profile.years.get(date.year) ?? 0) + 1);
  }
  if (date.days !== 0) profile.dayNamers++;
  for (let bit = 0; bit < 7; bit++) if (date.days & (1 << bit)) profile.days[bit]++;
  if (date.dates.length > 0) profile.dateNamers++;
  for (const day of date.dates) profile.dates.set(day, (profile.dates.get(day) ?? 0) + 1);
}

/** The dates most of a story's members agree on, to compare a story with another one. */
export function consensus(profile: DateProfile): ArticleDate {
  let year: number | null = null;
  let most = 0;
  for (const [named, count] of profile.years) {
    if (count >= CONSENSUS * profile.yearNamers && count > most) {
      year = named;
      most = count;
    }
  }
  let days = 0;
  for (let bit = 0; bit < 7; bit++) if (profile.days[bit] >= CONSENSUS * profile.dayNamers) days |= 1 << bit;
  const dates: number[] = [];
  for (const [day, count] of profile.dates) if (count >= CONSENSUS * profile.dateNamers) dates.push(day);
  return { year, days, dates };
}

/**
 * Score multiplier for an article dated `date` against a story: 1 when most of the story's
 * dating members share the article's year (and one of its weekdays), down to `conflict` when
 * none does; 1 when either side names no year (or weekday): silence is no evidence. Up to
 * 1 + `sameDay` when most of the members that name a calendar day name the article's (or the
 * day next to it).
 */
export function dateFactor(
  date: ArticleDate,
  profile: DateProfile,
  { conflict, sameDay }: DateWeights,
): number {
  let factor = 1;
  if (date.year !== null && profile.yearNamers > 0) {
    factor *= soften((profile.years.get(date.year) ?? 0) / profile.yearNamers, conflict);
  }
  if (date.days !== 0 && profile.dayNamers > 0) {
    let agreeing = 0;
    for (let bit = 0; bit < 7; bit++)
      if (date.days & (1 << bit)) agreeing = Math.max(agreeing, profile.days[bit]);
    factor *= soften(agreeing / profile.dayNamers, conflict);
  }
  // a calendar day is rarely named by two events of one kind, while reports of one event name
  // it again and again: agreement counts for the story (disagreement does not count against it:
  // look-backs and announcements name many other days)
  if (date.dates.length > 0 && profile.dateNamers > 0) {
    factor *= 1 + sameDay * Math.min(1, nearDayShare(date.dates, profile) / CONSENSUS);
  }
  return factor;
}

/**
 * dateFactor() of two single articles (either way round, it is symmetric): `conflict` for each
 * of year and weekdays both name and disagree on, 1 + `sameDay` when they name a calendar day
 * within a day of each other.
 */
export function pairDateFactor(a: ArticleDate, b: ArticleDate, { conflict, sameDay }: DateWeights): number {
  let factor = 1;
  if (a.year !== null && b.year !== null && a.year !== b.year) factor *= conflict;
  if (a.days !== 0 && b.days !== 0 && (a.days & b.days) === 0) factor *= conflict;
  if (a.dates.length > 0 && b.dates.length > 0) {
    const near = a.dates.some((day) => b.dates.some((other) => Math.abs(day - other) <= 1));
    if (near) factor *= 1 + sameDay;
  }
  return factor;
}

/**
 * The largest share of the story's date-naming members that name one of the article's calendar
 * days or a day next to it (a report of the next day names the eve: "on Saturday, Nov. 8").
 */
function nearDayShare(days: readonly number[], profile: DateProfile): number {
  let most = 0;
  for (const day of days) {
    const near =
      (profile.dates.get(day - 1) ?? 0) + (profile.dates.get(day) ?? 0) + (profile.dates.get(day + 1) ?? 0);
    most = Math.max(most, near);
  }
  return Math.min(1, most / profile.dateNamers);
}

/** From `conflict` at no agreement up to 1 at the consensus share. */
function soften(share: number, conflict: number): number {
  return conflict + (1 - conflict) * Math.min(1, share / CONSENSUS);
}
