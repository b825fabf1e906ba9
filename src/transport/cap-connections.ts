import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Holds a server to `max` open connections without letting idle ones lock others out: when a new
 * connection would pass the cap, the oldest connection with no request in progress (never sent one,
 * still sending its headers, or kept alive between requests) is closed to make room; if every one is
 * busy, the new connection is closed at once. So any number of idle or slowloris sockets cannot stop
 * a normal request, and the process never runs out of file descriptors on account of them.
 */
export function capConnections(server: Server, max: number): void {
  /** Open connections, oldest first, each with the number of its requests still in progress. */
  const open = new Map<Socket, number>();
  server.on('connection', (socket: Socket) => {
    open.set(socket, 0);
    socket.once('close', () => open.delete(socket));
    if (open.size <= max) return;
    for (const [candidate, busy] of open) {
      if (busy === 0 && candidate !== socket) {
        candidate.destroy();
        open.delete(candidate);
        return;
      }
    }
    socket.destroy();
    open.delete(socket);
  });
  server.on('request', (request, response) => {
    const socket = request.socket as Socket;
    if (!open.has(socket)) return;
    open.set(socket, open.get(socket)! + 1);
    response.once('close', () => {
      const busy = open.get(socket);
      if (busy !== undefined) open.set(socket, busy - 1);
    });
  });
}
