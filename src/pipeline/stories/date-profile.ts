// How the articles of a story date their event, kept as counts: a story's date is what most of
// its articles say. (A union of every year and weekday named would soon cover everything, as
// grown stories gather the dates of follow-ups and look-backs, and stop telling two events of
// the same kind apart: two earthquakes, two title defences, an emergency patch years later.)

/** When an article dates itself: its year (see eventDate), and weekdays as a bit set (Monday = bit 0). */
export interface ArticleDate {
  year: number | null;
  days: number;
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
}

/** Share of the dating members a date must have to count as the story's own. */
const CONSENSUS = 0.5;

export function emptyProfile(): DateProfile {
  return { yearNamers: 0, years: new Map(), dayNamers: 0, days: [0, 0, 0, 0, 0, 0, 0] };
}

export function addDate(profile: DateProfile, date: ArticleDate): void {
  if (date.year !== null) {
    profile.yearNamers++;
    profile.years.set(date.year, (profile.years.get(date.year) ?? 0) + 1);
  }
  if (date.days !== 0) profile.dayNamers++;
  for (let bit = 0; bit < 7; bit++) if (date.days & (1 << bit)) profile.days[bit]++;
}

export function mergeProfiles(into: DateProfile, from: DateProfile): void {
  into.yearNamers += from.yearNamers;
  for (const [year, count] of from.years) into.years.set(year, (into.years.get(year) ?? 0) + count);
  into.dayNamers += from.dayNamers;
  for (let bit = 0; bit < 7; bit++) into.days[bit] += from.days[bit];
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
  return { year, days };
}

/**
 * Score multiplier for an article dated `date` against a story: 1 when most of the story's
 * dating members share the article's year (and one of its weekdays), down to `conflict` when
 * none does; 1 when either side names no year (or weekday): silence is no evidence.
 */
export function dateFactor(date: ArticleDate, profile: DateProfile, conflict: number): number {
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
  return factor;
}

/** From `conflict` at no agreement up to 1 at the consensus share. */
function soften(share: number, conflict: number): number {
  return conflict + (1 - conflict) * Math.min(1, share / CONSENSUS);
}
