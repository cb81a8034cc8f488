// The undici connector that enforces address safety on the connection itself: names are
// resolved by our lookup (which drops refused answers), literals are checked before dialing,
// and the socket's actual peer address is checked again before any byte of HTTP is sent.
// Checking at connect time (not before the request) is what defeats DNS rebinding.
import dns from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import { type AllowList, checkAddress } from './address.js';

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** A `net.connect` lookup that only ever yields addresses the policy accepts. */
export function safeLookup(allow: AllowList, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (answers) => {
        const family = typeof options === 'object' ? options.family : undefined;
        const wanted = answers.filter((a) => !family || family === 0 || a.family === family);
        const accepted = wanted.filter((a) => !checkAddress(a.address, hostname, allow));
        if (accepted.length === 0) {
          const refusal = wanted[0] ? checkAddress(wanted[0].address, hostname, allow) : null;
          const err =
            refusal ??
            Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND', hostname });
          callback(err as NodeJS.ErrnoException, '', 0);
          return;
        }
        if (typeof options === 'object' && options.all) {
          (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(
            null,
            accepted,
          );
        } else {
          callback(null, accepted[0].address, accepted[0].family);
        }
      },
      (error) => callback(error, '', 0),
    );
  };
}

export interface GuardOptions {
  allow: AllowList;
  connectTimeoutMs: number;
  resolve?: Resolver;
}

/** An undici `connect` function with the address checks built in. */
export function guardedConnector(options: GuardOptions): buildConnector.connector {
  const base = buildConnector({
    timeout: options.connectTimeoutMs,
    lookup: safeLookup(options.allow, options.resolve),
    // happy-eyeballs would call lookup with `all`; ours supports it, keep Node's default
  } as buildConnector.BuildOptions);
  return (opts, callback) => {
    const host = stripBrackets(opts.hostname);
    if (isIP(host)) {
      const refusal = checkAddress(host, opts.hostname, options.allow);
      if (refusal) {
        callback(refusal, null);
        return;
      }
    }
    base(opts, (error, socket) => {
      if (error || !socket) {
        callback(error ?? new Error('connect failed'), null);
        return;
      }
      const peer = socket.remoteAddress;
      const refusal = peer
        ? checkAddress(peer, host, options.allow)
        : checkAddress('unknown', host, options.allow);
      if (refusal) {
        socket.destroy();
        callback(refusal, null);
        return;
      }
      callback(null, socket);
    });
  };
}
