// Address safety without any allowance: a real server listens on 127.0.0.1, so a refusal that
// failed would show up as a successful fetch and a hit in the server log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedeError } from '../../lib/errors.js';
import { blockedReason, checkAddress, parseAllowList, parseIp } from './address.js';
import { createFetcher } from './client.js';
import { startServer, type TestServer } from './testing/hostile-server.js';
import type { Fetcher } from './types.js';

let server: TestServer;
let fetcher: Fetcher;

async function refusal(url: string, f: Fetcher = fetcher): Promise<LedeError> {
  try {
    await f.fetch(url);
  } catch (error) {
    expect(error).toBeInstanceOf(LedeError);
    return error as LedeError;
  }
  throw new Error(`expected ${url} to be refused`);
}

beforeAll(async () => {
  server = await startServer({ '/': (_req, res) => res.writeHead(200).end('reached') });
  fetcher = createFetcher({ robots: false, minHostIntervalMs: 0, connectTimeoutMs: 500, timeoutMs: 2000 });
});

afterAll(async () => {
  await fetcher.close();
  await server.close();
});

describe('refusal of loopback spellings (no LEDE_FETCH_ALLOW)', () => {
  const spellings = [
    '127.0.0.1',
    '127.1',
    '2130706433',
    '0x7f000001',
    '0x7f.1',
    '017700000001',
    '[::ffff:127.0.0.1]',
    '[::ffff:7f00:1]',
    '0.0.0.0',
    '0',
    '[::1]',
    '[::]',
    'localhost',
    'LocalHost',
  ];
  it.each(spellings)('refuses http://%s:port/', async (host) => {
    const err = await refusal(`http://${host}:${server.port}/`);
    expect(err.code).toBe('fetch_refused_address');
    expect(err.message).toContain('LEDE_FETCH_ALLOW');
    expect(server.log).toHaveLength(0);
  });
});

describe('refusal of private, special and metadata addresses', () => {
  const urls = [
    'http://169.254.169.254/latest/meta-data/',
    'http://[fd00:ec2::254]/',
    'http://100.100.100.200/',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://169.254.1.1/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://[fd12:3456::1]/',
    'http://[fe80::1]/',
    'http://[ff02::1]/',
    'http://[64:ff9b::a00:1]/',
    'http://[2002:a00:1::]/',
  ];
  it.each(urls)('refuses %s before connecting', async (url) => {
    const err = await refusal(url);
    expect(err.code).toBe('fetch_refused_address');
    expect(err.message).toContain('LEDE_FETCH_ALLOW');
  });

  it('refuses before asking for robots.txt, which goes through the same guard', async () => {
    const polite = createFetcher({ robots: true, minHostIntervalMs: 0 });
    try {
      const err = await refusal(`http://127.1:${server.port}/page`, polite);
      expect(err.code).toBe('fetch_refused_address');
      expect(server.log).toHaveLength(0);
    } finally {
      await polite.close();
    }
  });

  it('refuses a public-looking name that resolves to a private address (DNS rebinding)', async () => {
    const f = createFetcher({
      robots: false,
      resolve: async () => [
        { address: '192.0.2.7', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ],
    });
    try {
      const err = await refusal(`http://news.example:${server.port}/`, f);
      expect(err.code).toBe('fetch_refused_address');
      expect(server.log).toHaveLength(0);
    } finally {
      await f.close();
    }
  });

  it.each(['file:///etc/passwd', 'ftp://example.com/', 'gopher://example.com/', 'data:text/html,hi'])(
    'refuses the scheme of %s',
    async (url) => {
      expect((await refusal(url)).code).toBe('fetch_refused_scheme');
    },
  );

  it.each(['http://example.com:25/', 'https://example.com:22/x', 'http://example.com:6667/'])(
    'refuses the mail/ssh/irc port of %s',
    async (url) => {
      expect((await refusal(url)).code).toBe('fetch_refused_port');
    },
  );

  it('reports a malformed URL', async () => {
    expect((await refusal('http://')).code).toBe('fetch_bad_url');
  });
});

describe('LEDE_FETCH_ALLOW', () => {
  it.each([['127.0.0.0/8'], ['localhost'], ['127.0.0.1']])('lets %s through', async (entry) => {
    const f = createFetcher({ robots: false, allow: [entry] });
    try {
      const host = entry === 'localhost' ? 'localhost' : '127.1';
      const res = await f.fetch(`http://${host}:${server.port}/`);
      expect(res.body.toString()).toBe('reached');
    } finally {
      await f.close();
    }
  });

  it('allows only what it lists', async () => {
    const f = createFetcher({ robots: false, allow: ['10.0.0.0/8', 'intranet.example'] });
    try {
      expect((await refusal(`http://127.0.0.1:${server.port}/`, f)).code).toBe('fetch_refused_address');
    } finally {
      await f.close();
    }
  });

  it('fails fast on a malformed entry, naming the setting', () => {
    expect(() => parseAllowList(['10.0.0.0/33'])).toThrow(/LEDE_FETCH_ALLOW/);
    expect(() => parseAllowList(['not a host!'])).toThrow(/LEDE_FETCH_ALLOW/);
  });

  it('matches host names exactly or by suffix', () => {
    const allow = parseAllowList(['intranet.example', '*.corp.example']);
    expect(allow.allowsHost('INTRANET.example.')).toBe(true);
    expect(allow.allowsHost('wiki.corp.example')).toBe(true);
    expect(allow.allowsHost('evilcorp.example')).toBe(false);
    expect(checkAddress('10.0.0.5', 'wiki.corp.example', allow)).toBeNull();
    expect(checkAddress('10.0.0.5', 'other.example', allow)?.code).toBe('fetch_refused_address');
  });
});

describe('address classification', () => {
  const reason = (ip: string) => {
    const parsed = parseIp(ip);
    if (!parsed) throw new Error(`unparsed ${ip}`);
    return blockedReason(parsed);
  };
  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '2a00:1450:4001::200e'])(
    '%s is public',
    (ip) => expect(reason(ip)).toBeNull(),
  );
  it.each([
    ['127.0.0.1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['169.254.169.254', 'cloud metadata'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.255', 'CGNAT'],
    ['172.31.255.255', 'private'],
    ['198.18.0.1', 'benchmarking'],
    ['239.255.255.250', 'multicast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:8.8.8.8', 'IPv4-mapped'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique local'],
    ['ff05::2', 'multicast'],
    ['64:ff9b::7f00:1', 'loopback via NAT64'],
    ['2002:c0a8:101::1', 'private via 6to4'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['4000::1', 'reserved'],
  ])('%s is refused as %s', (ip, label) => {
    expect(reason(ip)).toContain(label);
  });
  it('keeps public addresses behind NAT64 and 6to4', () => {
    expect(reason('64:ff9b::808:808')).toBeNull();
    expect(reason('2002:808:808::1')).toBeNull();
  });
});
