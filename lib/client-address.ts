// The client's address, as sign-in throttling counts it. Only the HTTP front (lib/server/http-server.ts)
// knows who is connecting: it replaces any `x-roleboard-client-address` a client sends with its own
// (from the socket, or from X-Forwarded-For only behind proxies the operator trusts). So the app
// reads that header alone: X-Forwarded-For and X-Real-IP are whatever the client made up.
import { isIP } from 'node:net';

export const CLIENT_ADDRESS_HEADER = 'x-roleboard-client-address';

/** What attempts without a usable address share (no front in between, or a malformed header). */
export const UNKNOWN_CLIENT_ADDRESS = 'unknown';

/**
 * The address to throttle by: an IPv4 address, an IPv6 /64 network, or `unknown`. One IPv6 host
 * usually holds a whole /64 and can pick a new address in it for every request, so the /64 is
 * what counts as one client; IPv4-mapped IPv6 addresses count as the IPv4 address.
 */
export function clientAddressFrom(headers: Headers): string {
  const value = headers.get(CLIENT_ADDRESS_HEADER)?.trim() ?? '';
  switch (isIP(value)) {
    case 4:
      return value;
    case 6:
      return ipv6Client(value) ?? UNKNOWN_CLIENT_ADDRESS;
    default:
      return UNKNOWN_CLIENT_ADDRESS;
  }
}

function ipv6Client(address: string) {
  let canonical: string;
  try {
    // The URL parser writes IPv6 in one canonical form: lower case, no leading zeros, `::` once.
    canonical = new URL(`http://[${address}]`).hostname.slice(1, -1);
  } catch {
    return null; // e.g. a zone index ("fe80::1%eth0"), which isIP accepts and URLs do not
  }
  const [head = '', tail] = canonical.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  const groups = [...headGroups, ...zeros, ...tailGroups];
  if (groups.slice(0, 5).every((group) => group === '0') && groups[5] === 'ffff') {
    const [high, low] = [parseInt(groups[6]!, 16), parseInt(groups[7]!, 16)];
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}
