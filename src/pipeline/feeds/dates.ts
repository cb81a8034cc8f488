// Feed dates -> ISO-8601 UTC. Like feedparser, several readers are tried in order: W3DTF /
// ISO 8601 (with its compact and partial forms), RFC 822/2822 with the broken zones real feeds
// use, asctime, a few locale forms (Korean, Greek, Hungarian), then a last generic attempt.

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // Greek and Hungarian month names seen in feeds (feedparser's locale date tests)
  ιαν: 1,
  φεβ: 2,
  μάώ: 3,
  μαρ: 3,
  μάρ: 3,
  απρ: 4,
  μάι: 5,
  μαϊ: 5,
  μαι: 5,
  ιούν: 6,
  ιον: 6,
  ιούλ: 7,
  ιολ: 7,
  αύγ: 8,
  αυγ: 8,
  σεπ: 9,
  οκτ: 10,
  νοέ: 11,
  νοε: 11,
  δεκ: 12,
  január: 1,
  február: 2,
  március: 3,
  április: 4,
  május: 5,
  június: 6,
  július: 7,
  augusztus: 8,
  szeptember: 9,
  október: 10,
  november: 11,
  december: 12,
};

// Offsets in minutes. Of the military letters only A, N, M, Y are read (as feedparser does):
// RFC 822 had the signs of the others reversed, so they carry no reliable offset.
const ZONES: Record<string, number> = {
  ut: 0,
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  bst: 60,
  cet: 60,
  cest: 120,
  met: 60,
  mest: 120,
  eet: 120,
  eest: 180,
  est: -300,
  edt: -240,
  et: -300,
  cst: -360,
  cdt: -300,
  ct: -360,
  mst: -420,
  mdt: -360,
  mt: -420,
  pst: -480,
  pdt: -420,
  pt: -480,
  ast: -240,
  adt: -180,
  at: -240,
  akst: -540,
  akdt: -480,
  hst: -600,
  nst: -210,
  ndt: -150,
  ist: 330,
  jst: 540,
  kst: 540,
  aest: 600,
  aedt: 660,
  acst: 570,
  nzst: 720,
  nzdt: 780,
  msk: 180,
  a: -60,
  n: 60,
  m: -720,
  y: 720,
};

/** An ISO string, or '' for a date that was recognised but does not exist (31 June): later
 * readers must not reinterpret it (Date.parse would roll it over to 1 July). */
function build(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0, offsetMin = 0): string {
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 24 && mi <= 59 && s <= 61)) return '';
  // 31 June is not 1 July: reject days past the month's end instead of rolling over
  if (d > 28 && new Date(Date.UTC(y, mo, 0)).getUTCDate() < d) return '';
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offsetMin * 60000;
  if (Number.isNaN(t)) return '';
  const date = new Date(t);
  if (date.getUTCFullYear() < 1 || date.getUTCFullYear() > 9999) return '';
  return date.toISOString().replace('.000Z', 'Z');
}

function zoneOffset(z: string | undefined): number | null {
  if (!z) return 0;
  const zone = z
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .replace(/^etc\//i, '');
  if (!zone) return 0;
  const m = /^(?:(?:gmt|utc|ut)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (m) {
    const sign = m[1] === '-' ? -1 : 1;
    let hours = Number(m[2]);
    let minutes = m[3] ? Number(m[3]) : 0;
    if (!m[3] && m[2].length === 2 && hours > 14) return null;
    if (!m[3] && m[2].length > 2) {
      hours = Math.floor(Number(m[2]) / 100);
      minutes = Number(m[2]) % 100;
    }
    return sign * (hours * 60 + minutes);
  }
  const named = ZONES[zone.toLowerCase()];
  return named === undefined ? null : named;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 90 ? 2000 + n : 1900 + n; // feedparser's pivot: the 90s are 1990s
}

const ISO =
  /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?|-?(\d{3}))?(?:[Tt\s]+(\d{1,2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?\s*(Z|z|[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5})?$/;

function parseIso(s: string): string | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const [, y, mo, d, ordinal, h, mi, sec, frac, zone] = m;
  // bare 8-digit numbers and the like are only dates if month/day fit
  const offset = zoneOffset(zone);
  if (offset === null) return null;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  if (ordinal) {
    const base = Date.UTC(Number(y), 0, Number(ordinal));
    const dt = new Date(base);
    return build(
      dt.getUTCFullYear(),
      dt.getUTCMonth() + 1,
      dt.getUTCDate(),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(sec ?? 0),
      ms,
      offset,
    );
  }
  return build(
    Number(y),
    Number(mo ?? 1),
    Number(d ?? 1),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(sec ?? 0),
    ms,
    offset,
  );
}

const RFC822 =
  /^(?:[^\d\s,]+,?\s*)?(\d{1,2})[\s-]+([^\s\d.,-]+)\.?,?[\s-]+(\d{2,4})(?:,?\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?(?:\s*(.*))?$/;

function parseRfc822(s: string): string | null {
  let m = RFC822.exec(s);
  let day: string,
    mon: string,
    year: string,
    h: string | undefined,
    mi: string | undefined,
    sec: string | undefined,
    zone: string | undefined;
  if (m) [, day, mon, year, h, mi, sec, zone] = m;
  else {
    // "Sunday, January 4 2004 16:29:06 PST" / "Jan 4, 2004 …": month first
    m =
      /^(?:[^\d\s,]+,?\s+)?([^\s\d.,]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*(.*))?$/.exec(
        s,
      );
    if (!m) return null;
    [, mon, day, year, h, mi, sec, zone] = m;
  }
  const month = MONTHS[mon.toLowerCase().slice(0, 3)] ?? MONTHS[mon.toLowerCase()];
  if (!month) return null;
  let offset = zoneOffset(zone);
  if (offset === null) {
    // "EST5EDT", "+0000 (GMT)", "GMT+8" etc.: take the first reading part, else UTC
    const first = zone?.trim().split(/\s+/)[0];
    offset = zoneOffset(first) ?? 0;
  }
  return build(
    fullYear(year),
    month,
    Number(day),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(sec ?? 0),
    0,
    offset,
  );
}

function parseAsctime(s: string): string | null {
  const m =
    /^[A-Za-z]{3},?\s+([A-Za-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})(?:\s+([A-Za-z]{1,5}|[+-]\d{4}))?\s+(\d{4})$/.exec(
      s,
    );
  if (!m) return null;
  const month = MONTHS[m[1].toLowerCase()];
  const offset = zoneOffset(m[6]);
  if (!month || offset === null) return null;
  return build(Number(m[7]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), 0, offset);
}

/** Korean (오전/오후), Perforce "YYYY/MM/DD", Hungarian and other numeric locale forms. */
function parseLocale(s: string): string | null {
  let m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[\sT]+(?:(오\s?전|오\s?후)\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(.*)$/.exec(
      s,
    );
  if (m) {
    let h = Number(m[5]);
    if (m[4]?.endsWith('후') && h < 12) h += 12;
    if (m[4]?.endsWith('전') && h === 12) h = 0;
    const offset = m[4] && !m[8] ? 540 : (zoneOffset(m[8]) ?? 0);
    return build(Number(m[1]), Number(m[2]), Number(m[3]), h, Number(m[6]), Number(m[7] ?? 0), 0, offset);
  }
  m = /^(?:[^\d\s,]+,?\s+)?(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  // Korean "2004년 05월 28일 01:31:15", Hungarian "2004-július-13T9:15-05:00"
  m = /^(\d{4})년\s*(\d{1,2})월\s*(\d{1,2})일\s*(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (m)
    return build(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4]),
      Number(m[5]),
      Number(m[6] ?? 0),
      0,
      540,
    );
  m = /^(\d{4})-([^\d\s-]+)-(\d{1,2})T(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (m && MONTHS[m[2].toLowerCase()]) {
    const offset = zoneOffset(m[7]) ?? 0;
    return build(
      Number(m[1]),
      MONTHS[m[2].toLowerCase()],
      Number(m[3]),
      Number(m[4]),
      Number(m[5]),
      Number(m[6] ?? 0),
      0,
      offset,
    );
  }
  return null;
}

/** Parses a feed date; null when no reader recognises it. */
export function parseDate(input: string | null | undefined): string | null {
  if (!input) return null;
  const s = input.trim().replace(/\s+/g, ' ');
  if (!s || s.length > 100) return null;
  const greek = s.replace(/^(Κυρ|Δευ|Τρι|Τετ|Πεμ|Παρ|Σαβ),\s*/, '');
  const found = parseIso(s) ?? parseRfc822(greek) ?? parseAsctime(s) ?? parseLocale(s) ?? fallback(s);
  return found || null;
}

function fallback(s: string): string | null {
  if (!/[a-z]{3}/i.test(s) || !/\d{4}/.test(s)) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().replace('.000Z', 'Z');
}
