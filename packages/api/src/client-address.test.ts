import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { Database } from '@pm/db';
import { clientOf, NO_PROXY, plainAddress, proxyTrust } from './client-address';
import { createRequestContext } from './http-context';
import { silentLog } from './testing';

/** A request as node:http hands it over: a socket peer and headers. */
function request(peer: string, headers: Record<string, string> = {}, encrypted = false) {
  const socket = encrypted ? { remoteAddress: peer, encrypted: true } : { remoteAddress: peer };
  return { socket, headers } as unknown as IncomingMessage;
}

describe('the client address behind proxies', () => {
  const spoofed = { 'x-forwarded-for': '6.6.6.6', 'x-forwarded-proto': 'https' };

  it('with no proxy trusted, X-Forwarded-For and -Proto are ignored', () => {
    expect(clientOf(request('203.0.113.9', spoofed), NO_PROXY)).toEqual({
      address: '203.0.113.9',
      https: false,
    });
    expect(clientOf(request('::ffff:203.0.113.9'), NO_PROXY).address).toBe('203.0.113.9');
  });

  it('a header sent by a client that is no trusted proxy is ignored', () => {
    const trust = proxyTrust(['10.0.0.5']);
    expect(clientOf(request('203.0.113.9', spoofed), trust)).toEqual({
      address: '203.0.113.9',
      https: false,
    });
  });

  it('from a trusted proxy, the client is the right-most hop that is no trusted proxy', () => {
    const trust = proxyTrust(['10.0.0.0/8', 'fd00::/8']);
    const via = (xff: string, peer = '10.0.0.5') =>
      clientOf(request(peer, { 'x-forwarded-for': xff, 'x-forwarded-proto': 'https' }), trust);
    // The client wrote 6.6.6.6 itself; the first proxy appended the address it saw.
    expect(via('6.6.6.6, 198.51.100.7, 10.1.2.3')).toEqual({
      address: '198.51.100.7',
      https: true,
    });
    expect(via('6.6.6.6, 2001:db8::1', 'fd00::1').address).toBe('2001:db8::1');
    expect(via('198.51.100.7:50312').address).toBe('198.51.100.7');
    expect(via('[2001:db8::1]:443').address).toBe('2001:db8::1');
    // Nothing but proxies, or no header: the left-most proxy, or the peer.
    expect(clientOf(request('10.0.0.5'), trust).address).toBe('10.0.0.5');
    expect(via('10.9.9.9, 10.1.2.3').address).toBe('10.9.9.9');
    // A hop that is no address ends the walk at the proxy that passed it on.
    expect(via('198.51.100.7, garbage, 10.1.2.3').address).toBe('10.1.2.3');
  });

  it('TRUST_PROXY entries must be addresses or networks', () => {
    for (const bad of ['proxy.local', '10.0.0.0/33', '10.0.0.1/', 'fd00::/129', '10.0.0.0/8/1'])
      expect(() => proxyTrust([bad])).toThrow(`"${bad}" is no IP address or network`);
    expect(proxyTrust(['::1', '127.0.0.1']).trusts('::1')).toBe(true);
    expect(proxyTrust(['127.0.0.1']).trusts('127.0.0.2')).toBe(false);
  });

  it('plain addresses: mapped IPv4, ports and brackets left off', () => {
    expect(plainAddress(' ::ffff:10.0.0.1 ')).toBe('10.0.0.1');
    expect(plainAddress('10.0.0.1:8080')).toBe('10.0.0.1');
    expect(plainAddress('[::1]:80')).toBe('::1');
    expect(plainAddress('2001:db8::1')).toBe('2001:db8::1');
  });

  it('the request context takes the address and the Secure cookie from the same rule', async () => {
    const cookies: string[] = [];
    const res = {
      appendHeader: (_: string, v: string) => cookies.push(v),
    } as unknown as ServerResponse;
    const deps = { db: {} as Database, log: silentLog };
    const direct = await createRequestContext(deps, request('203.0.113.9', spoofed), res);
    direct.cookie.set('t', new Date(0));
    const proxied = await createRequestContext(
      { ...deps, trustProxy: proxyTrust(['127.0.0.1']) },
      request('127.0.0.1', spoofed),
      res,
    );
    proxied.cookie.set('t', new Date(0));
    expect([direct.address, proxied.address]).toEqual(['203.0.113.9', '6.6.6.6']);
    expect(cookies.map((c) => c.includes('; Secure'))).toEqual([false, true]);
  });
});
