// A TCP proxy in front of PostgreSQL that a test controls, to play a database in trouble:
// 'forward' passes bytes through (after `delayMs`, if set); 'refuse' closes the port so
// connecting fails at once; 'silent' accepts connections and swallows every byte, as a hung
// server or a broken network does.
import net from 'node:net';

export type ProxyMode = 'forward' | 'refuse' | 'silent';

export type TcpProxy = {
  port: number;
  url: (databaseUrl: string) => string;
  setMode: (mode: ProxyMode) => Promise<void>;
  setDelay: (delayMs: number) => void;
  /** Whether the app has sent this text to the database (e.g. a query's parameter) since the proxy started. */
  hasSeen: (text: string) => boolean;
  close: () => Promise<void>;
};

export async function startTcpProxy({ target }: { target: { host: string; port: number } }): Promise<TcpProxy> {
  let mode: ProxyMode = 'forward';
  let delayMs = 0;
  const sockets = new Set<net.Socket>();
  // The last bytes the app sent, as text: enough to spot a recent query's parameters.
  let sent = '';
  const SENT_KEPT = 1 << 20;

  const relay = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk) => {
      if (mode !== 'forward') return;
      if (delayMs > 0) setTimeout(() => to.writable && to.write(chunk), delayMs);
      else if (to.writable) to.write(chunk);
    });
    from.on('close', () => to.destroy());
    from.on('error', () => to.destroy());
  };

  const onConnection = (client: net.Socket) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (mode === 'silent') return;
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => {});
    client.on('data', (chunk: Buffer) => {
      sent = (sent + chunk.toString('latin1')).slice(-SENT_KEPT);
    });
    relay(client, upstream);
    relay(upstream, client);
  };

  let server = net.createServer(onConnection);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  const port = await listen(0);

  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };

  return {
    port,
    url: (databaseUrl) => {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    async setMode(next) {
      if (next === mode) return;
      const previous = mode;
      mode = next;
      if (next === 'refuse') {
        dropConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      } else if (previous === 'refuse') {
        server = net.createServer(onConnection);
        await listen(port);
      }
    },
    setDelay(next) {
      delayMs = next;
    },
    hasSeen: (text) => sent.includes(text),
    async close() {
      dropConnections();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
