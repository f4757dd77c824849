import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** The proxies in front of the server (TRUST_PROXY), whose X-Forwarded-* headers are believed. */
export interface ProxyTrust {
  trusts(address: string): boolean;
}

/** Believes no proxy: the client is whoever the socket is connected to. */
export const NO_PROXY: ProxyTrust = { trusts: () => false };

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * The proxies of `entries`, each an address (10.0.0.5, ::1) or a network (10.0.0.0/8,
 * fd00::/8). Throws an Error naming the first entry that is neither.
 */
export function proxyTrust(entries: readonly string[]): ProxyTrust {
  if (entries.length === 0) return NO_PROXY;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const bits = isIP(address) === 6 ? 128 : 32;
    const length = prefix === undefined ? bits : /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
    if (!isIP(address) || rest.length > 0 || length < 0 || length > bits)
      throw new Error(
        `"${entry}" is no IP address or network (like 10.0.0.5, 10.0.0.0/8 or fd00::/8)`,
      );
    list.addSubnet(address, length, family(address));
  }
  return { trusts: (address) => isIP(address) !== 0 && list.check(address, family(address)) };
}

/**
 * An address as written in a socket or a forwarding header, plain: an IPv4 address mapped into
 * IPv6 (::ffff:10.0.0.1) as IPv4, a port or brackets some proxies add left off.
 */
export function plainAddress(text: string): string {
  const value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(value);
  const address = bracketed?.[1] ?? v4WithPort?.[1] ?? value;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return mapped?.[1] ?? address;
}

/**
 * Who sent the request and whether over HTTPS. X-Forwarded-For and X-Forwarded-Proto are read
 * only when the socket's peer is a trusted proxy; then the client is the right-most hop of
 * X-Forwarded-For that is no trusted proxy (each proxy appends the address it was sent from, so
 * hops left of that one are whatever the client chose to write). A hop that is no address ends
 * the walk: the client is then the proxy that passed it on.
 */
export function clientOf(
  req: IncomingMessage,
  trust: ProxyTrust,
): { address: string; https: boolean } {
  const encrypted = 'encrypted' in req.socket;
  const peer = plainAddress(req.socket.remoteAddress ?? 'unknown');
  if (!trust.trusts(peer)) return { address: peer, https: encrypted };
  const hops = headerText(req.headers['x-forwarded-for']).split(',');
  let address = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = plainAddress(hops[i] ?? '');
    if (!isIP(hop)) break;
    address = hop;
    if (!trust.trusts(hop)) break;
  }
  const proto = headerText(req.headers['x-forwarded-proto']).split(',')[0]?.trim();
  return { address, https: encrypted || proto === 'https' };
}

const headerText = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(',') : (value ?? '');
