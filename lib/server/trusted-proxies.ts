// Who is asking, as the front works it out (the app reads the result through lib/client-address.ts).
// It is the socket's peer, unless the operator said which proxies in front of us speak for the client:
//   TRUSTED_PROXY_HOPS=1             one proxy (a load balancer) appends to X-Forwarded-For
//   TRUSTED_PROXIES=10.0.0.0/8,::1   any proxy with one of these addresses (or CIDR ranges)
// Then X-Forwarded-For is read from the right, past the trusted proxies. A client can add any
// entries it likes on the left, but never choose the address we use.
import net from 'node:net';
import { z } from 'zod';

export type ProxyTrust = { hops: number; proxies: net.BlockList | null };

const hopsSchema = z.coerce.number().int().min(0).max(10);

function familyOf(address: string) {
  return net.isIPv6(address) ? 'ipv6' : 'ipv4';
}

/** `::ffff:127.0.0.1` is 127.0.0.1; anything that is not an IP address is null. */
export function normalizeAddress(value: string | undefined): string | null {
  const address = value?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  return address && net.isIP(address) ? address.toLowerCase() : null;
}

/** Reads TRUSTED_PROXY_HOPS and TRUSTED_PROXIES; throws with a clear message when either is malformed. */
export function proxyTrustFromEnv(env: Record<string, string | undefined> = process.env): ProxyTrust {
  const hops = hopsSchema.safeParse(env.TRUSTED_PROXY_HOPS?.trim() || '0');
  if (!hops.success) throw new Error('TRUSTED_PROXY_HOPS must be a whole number from 0 to 10');
  const entries = (env.TRUSTED_PROXIES ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return { hops: hops.data, proxies: null };
  const proxies = new net.BlockList();
  for (const entry of entries) {
    const [base, prefix] = entry.split('/');
    const address = normalizeAddress(base);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const maxBits = address && net.isIPv6(address) ? 128 : 32;
    if (!address || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    if (bits === undefined) proxies.addAddress(address, familyOf(address));
    else proxies.addSubnet(address, bits, familyOf(address));
  }
  return { hops: hops.data, proxies };
}

/**
 * The client's address. `forwardedFor` is every X-Forwarded-For header value; `socketAddress`
 * is the peer of the TCP connection. Returns null only if even the socket has no address.
 */
export function clientAddressOf({ socketAddress, forwardedFor }: { socketAddress: string | undefined; forwardedFor: string[] }, trust: ProxyTrust) {
  const peer = normalizeAddress(socketAddress);
  if (!peer || (trust.hops === 0 && !trust.proxies)) return peer;
  // Nearest first: the peer, then X-Forwarded-For from its right end.
  const chain = forwardedFor.flatMap((value) => value.split(',')).reverse();
  let client = peer;
  for (let hop = 0; hop < chain.length; hop++) {
    const trusted = hop < trust.hops || Boolean(trust.proxies?.check(client, familyOf(client)));
    if (!trusted) break;
    const next = normalizeAddress(chain[hop]);
    // A trusted proxy that forwarded garbage is the last address we can vouch for.
    if (!next) break;
    client = next;
  }
  return client;
}
