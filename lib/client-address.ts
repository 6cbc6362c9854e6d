// The client's address as the HTTP front (lib/server/http-server.ts) determined it from the socket
// or from trusted proxies. The app reads only this header; the front replaces whatever a client sends.
import net from 'node:net';

export const CLIENT_ADDRESS_HEADER = 'x-roleboard-client-address';

export function clientAddressFrom(headers: Headers): string {
  const value = headers.get(CLIENT_ADDRESS_HEADER)?.trim() ?? '';
  return net.isIP(value) ? value : 'unknown';
}
