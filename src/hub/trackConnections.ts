import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** Stops an HTTP server the way a rolling deployment needs. */
export interface ConnectionTracker {
  /**
   * Stops accepting connections, closes idle keep-alive connections at once, lets the requests in flight
   * finish (their answers carry `Connection: close`) and resolves when the last connection has closed:
   * with nothing in flight, at once.
   */
  drain(): Promise<void>;
  /** Destroys every connection, busy or not: the grace period is over. */
  closeAll(): void;
}

/**
 * Tracks the open responses of `server` per connection. Must be called before the server listens.
 * Apollo's drain plugin half-closes idle sockets and then waits for the client to close its side; a
 * client that keeps it open (any keep-alive agent) held the hub for its whole grace period.
 */
export function trackConnections(server: Server): ConnectionTracker {
  const open = new Map<Socket, Set<ServerResponse>>();
  let draining = false;
  const closeAfter = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  server.on('request', (req, res) => {
    const socket = req.socket;
    const responses = open.get(socket) ?? new Set<ServerResponse>();
    open.set(socket, responses);
    responses.add(res);
    if (draining) closeAfter(res);
    res.once('close', () => {
      responses.delete(res);
      if (responses.size > 0) return;
      open.delete(socket);
      // An answer streamed before the drain began was sent keep-alive: close its connection now it is done.
      if (draining) socket.end();
    });
  });
  return {
    drain() {
      draining = true;
      for (const responses of open.values()) for (const res of responses) closeAfter(res);
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Node closes idle connections in close() since v19; said explicitly, it holds on any version.
        server.closeIdleConnections();
      });
    },
    closeAll() {
      server.closeAllConnections();
    },
  };
}
