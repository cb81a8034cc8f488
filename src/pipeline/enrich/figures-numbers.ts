// Number vocabulary for the figures enricher: number words, scales, currencies and units.

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
};

export const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  bn: 1e9,
  mn: 1e6,
  m: 1e6,
  k: 1e3,
  tn: 1e12,
};

/** Value of a number word ("nine", "twenty-five"), or undefined. */
export function wordValue(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w in SMALL) return SMALL[w];
  const [tens, ones] = w.split('-');
  if (ones && tens in SMALL && ones in SMALL && SMALL[tens] >= 20 && SMALL[ones] < 10)
    return SMALL[tens] + SMALL[ones];
  return undefined;
}

export const NUMBER_WORDS = Object.keys(SMALL).join('|');

export const CURRENCY_SYMBOLS: Record<string, string> = {
  $: 'USD',
  US$: 'USD',
  A$: 'AUD',
  C$: 'CAD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  '₽': 'RUB',
  '₴': 'UAH',
  Rs: 'INR',
  'Rs.': 'INR',
};

export const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  rouble: 'RUB',
  roubles: 'RUB',
  ruble: 'RUB',
  rubles: 'RUB',
  hryvnia: 'UAH',
  hryvnias: 'UAH',
  rupee: 'INR',
  rupees: 'INR',
  francs: 'CHF',
  shekels: 'ILS',
  riyals: 'SAR',
  lira: 'TRY',
  dirhams: 'AED',
};

/** Units of measure, by the word as written, to a short canonical form. */
export const UNITS: Record<string, string> = {
  '%': '%',
  percent: '%',
  'per cent': '%',
  pct: '%',
  'percentage points': 'percentage points',
  km: 'km',
  kilometres: 'km',
  kilometers: 'km',
  kilometre: 'km',
  kilometer: 'km',
  miles: 'mi',
  mile: 'mi',
  m: 'm',
  metres: 'm',
  meters: 'm',
  metre: 'm',
  meter: 'm',
  feet: 'ft',
  ft: 'ft',
  cm: 'cm',
  mm: 'mm',
  kg: 'kg',
  kilograms: 'kg',
  kilogram: 'kg',
  tonnes: 't',
  tons: 't',
  tonne: 't',
  ton: 't',
  lb: 'lb',
  pounds: 'lb',
  mph: 'mph',
  'km/h': 'km/h',
  kph: 'km/h',
  degrees: '°',
  '°C': '°C',
  '°F': '°F',
  mw: 'MW',
  gw: 'GW',
  kwh: 'kWh',
  hectares: 'ha',
  kW: 'kW',
  kw: 'kW',
  hp: 'hp',
  bhp: 'hp',
  horsepower: 'hp',
  'lb-ft': 'lb-ft',
  nm: 'Nm',
  gb: 'GB',
  tb: 'TB',
  mb: 'MB',
  acres: 'acres',
  litres: 'l',
  liters: 'l',
  gallons: 'gal',
  bpd: 'barrels per day',
};

/** Hedges written before a number, longest first (matched on the lower-cased words before it). */
export const HEDGES = [
  'as many as',
  'as much as',
  'as few as',
  'as little as',
  'an estimated',
  'at least',
  'at most',
  'more than',
  'less than',
  'fewer than',
  'up to',
  'close to',
  'just over',
  'just under',
  'well over',
  'nearly',
  'almost',
  'about',
  'around',
  'roughly',
  'approximately',
  'some',
  'over',
  'under',
  'between',
  'from',
  'only',
  'just',
];

/** Words that end the "what it counts" phrase after a number. */
export const COUNT_BREAKS = new Set(
  (
    'a an the and or but in on at to from by for with of as is are was were be been has have had will would can ' +
    'could may might since after before during this that these those which who said says per than over about ' +
    'into up down out it its their his her our they he she we you i not no more less each every ' +
    'should shall must did does do ago old earlier later last next percent cent away due ahead behind apart long high wide deep tall made left ' +
    'north south east west north-east north-west south-east south-west'
  ).split(' '),
);

export const MONTHS =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?$/i;
