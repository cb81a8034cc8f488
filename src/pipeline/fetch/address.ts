// Which IP addresses a fetch may connect to. Everything that is not plainly public unicast is
// refused unless the operator allows it through LEDE_FETCH_ALLOW (CIDRs or host names).
import { isIP } from 'node:net';
import { LedeError } from '../../lib/errors.js';

export interface ParsedIp {
  version: 4 | 6;
  bytes: Uint8Array;
}

/** Parses a canonical IPv4 dotted quad or an IPv6 address (brackets and zone id tolerated). */
export function parseIp(text: string): ParsedIp | null {
  let s = text.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const version = isIP(s);
  if (version === 4) return { version: 4, bytes: Uint8Array.from(s.split('.').map(Number)) };
  if (version !== 6) return null;
  return { version: 6, bytes: parseIpv6(s) };
}

function parseIpv6(s: string): Uint8Array {
  const bytes = new Uint8Array(16);
  let text = s;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    // Embedded dotted quad (::ffff:127.0.0.1): rewrite as two hex groups.
    const [a, b, c, d] = tail.split('.').map(Number);
    text = `${s.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, null];
  const headGroups = head ? head.split(':') : [];
  const restGroups = rest ? rest.split(':') : [];
  const groups =
    rest === null
      ? headGroups
      : [...headGroups, ...new Array(8 - headGroups.length - restGroups.length).fill('0'), ...restGroups];
  groups.forEach((g, i) => {
    const n = Number.parseInt(g || '0', 16);
    bytes[i * 2] = n >> 8;
    bytes[i * 2 + 1] = n & 0xff;
  });
  return bytes;
}

interface Range {
  prefix: Uint8Array;
  bits: number;
  label: string;
}

function range(cidr: string, label: string): Range {
  const [addr, bits] = cidr.split('/');
  const ip = parseIp(addr);
  if (!ip) throw new Error(`bad built-in range ${cidr}`);
  return { prefix: ip.bytes, bits: Number(bits), label };
}

function inRange(bytes: Uint8Array, r: Range): boolean {
  if (bytes.length !== r.prefix.length) return false;
  const full = r.bits >> 3;
  for (let i = 0; i < full; i++) if (bytes[i] !== r.prefix[i]) return false;
  const rem = r.bits & 7;
  if (rem === 0) return true;
  const mask = (0xff << (8 - rem)) & 0xff;
  return (bytes[full] & mask) === (r.prefix[full] & mask);
}

// Most specific first: the first match names the reason.
const V4: Range[] = [
  range('169.254.169.254/32', 'cloud metadata'),
  range('100.100.100.200/32', 'cloud metadata'),
  range('192.0.0.192/32', 'cloud metadata'),
  range('0.0.0.0/8', 'unspecified ("this network")'),
  range('10.0.0.0/8', 'private'),
  range('100.64.0.0/10', 'carrier-grade NAT (CGNAT)'),
  range('127.0.0.0/8', 'loopback'),
  range('169.254.0.0/16', 'link-local'),
  range('172.16.0.0/12', 'private'),
  range('192.0.0.0/24', 'IETF protocol assignment'),
  range('192.0.2.0/24', 'documentation'),
  range('192.88.99.0/24', '6to4 relay anycast'),
  range('192.168.0.0/16', 'private'),
  range('198.18.0.0/15', 'benchmarking'),
  range('198.51.100.0/24', 'documentation'),
  range('203.0.113.0/24', 'documentation'),
  range('224.0.0.0/4', 'multicast'),
  range('240.0.0.0/4', 'reserved or broadcast'),
];

const V6: Range[] = [
  range('::/128', 'unspecified'),
  range('::1/128', 'loopback'),
  range('::ffff:0:0/96', 'IPv4-mapped IPv6'),
  range('::/96', 'IPv4-compatible IPv6'),
  range('64:ff9b:1::/48', 'local-use NAT64'),
  range('100::/64', 'discard-only'),
  range('2001:db8::/32', 'documentation'),
  range('3fff::/20', 'documentation'),
  range('2001::/23', 'IETF protocol assignment (Teredo, ORCHID…)'),
  range('fd00:ec2::254/128', 'cloud metadata'),
  range('fc00::/7', 'unique local (ULA)'),
  range('fe80::/10', 'link-local'),
  range('fec0::/10', 'site-local'),
  range('ff00::/8', 'multicast'),
];
const NAT64 = range('64:ff9b::/96', 'NAT64');
const SIX_TO_FOUR = range('2002::/16', '6to4');
const GLOBAL_UNICAST = range('2000::/3', 'global unicast');

/** `null` when the address is public unicast, else a short reason ("loopback", "private"…). */
export function blockedReason(ip: ParsedIp): string | null {
  if (ip.version === 4) return V4.find((r) => inRange(ip.bytes, r))?.label ?? null;
  const special = V6.find((r) => inRange(ip.bytes, r));
  if (special) return special.label;
  // Translated IPv4 inside IPv6 reaches the IPv4 network: judge the embedded address.
  if (inRange(ip.bytes, NAT64)) return embedded(ip.bytes.slice(12, 16), 'NAT64');
  if (inRange(ip.bytes, SIX_TO_FOUR)) return embedded(ip.bytes.slice(2, 6), '6to4');
  if (!inRange(ip.bytes, GLOBAL_UNICAST)) return 'reserved IPv6';
  return null;
}

function embedded(v4: Uint8Array, via: string): string | null {
  const inner = blockedReason({ version: 4, bytes: v4 });
  return inner ? `${inner} via ${via}` : null;
}

/** The operator's LEDE_FETCH_ALLOW list, parsed once. */
export interface AllowList {
  allowsHost(hostname: string): boolean;
  allowsAddress(ip: ParsedIp): boolean;
}

export function parseAllowList(entries: readonly string[]): AllowList {
  const ranges: Range[] = [];
  const hosts = new Set<string>();
  const suffixes: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const [addr, bits, extra] = entry.split('/');
    const ip = parseIp(addr);
    if (ip) {
      const max = ip.version === 4 ? 32 : 128;
      const n = bits === undefined ? max : Number(bits);
      if (extra !== undefined || !Number.isInteger(n) || n < 0 || n > max || !/^\d*$/.test(bits ?? '')) {
        throw new LedeError('fetch_bad_allow', `LEDE_FETCH_ALLOW: invalid CIDR "${raw}"`);
      }
      ranges.push({ prefix: ip.bytes, bits: n, label: 'allowed' });
    } else if (/^(\*?\.)?[a-z0-9_-]+(\.[a-z0-9_-]+)*\.?$/.test(entry)) {
      if (entry.startsWith('*.') || entry.startsWith('.')) suffixes.push(entry.slice(entry.indexOf('.')));
      else hosts.add(entry.replace(/\.$/, ''));
    } else {
      throw new LedeError('fetch_bad_allow', `LEDE_FETCH_ALLOW: "${raw}" is neither a CIDR nor a host name`);
    }
  }
  return {
    allowsHost(hostname) {
      const h = hostname.toLowerCase().replace(/\.$/, '');
      return hosts.has(h) || suffixes.some((s) => h.endsWith(s));
    },
    allowsAddress(ip) {
      // An IPv4-mapped address is the IPv4 address for the operator's purpose.
      const plain =
        ip.version === 6 && inRange(ip.bytes, V6[2]) ? { version: 4, bytes: ip.bytes.slice(12) } : ip;
      return ranges.some((r) => inRange(plain.bytes, r));
    },
  };
}

/**
 * Decides whether `address` (what `hostname` resolved to, or the literal itself) may be
 * connected to. Returns the refusal to throw, or null.
 */
export function checkAddress(address: string, hostname: string, allow: AllowList): LedeError | null {
  const ip = parseIp(address);
  if (!ip)
    return new LedeError('fetch_refused_address', `refused ${hostname}: "${address}" is not an IP address`);
  const reason = blockedReason(ip);
  if (!reason || allow.allowsHost(hostname) || allow.allowsAddress(ip)) return null;
  const via = hostname === address || `[${address}]` === hostname ? '' : ` (${hostname})`;
  return new LedeError(
    'fetch_refused_address',
    `refused to connect to ${address}${via}: ${reason} address; an operator can allow it with LEDE_FETCH_ALLOW`,
  );
}
