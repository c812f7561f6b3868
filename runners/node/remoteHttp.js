// supertest and node:http in the tests start a server for an app: when the app is the solution's (a
// stand-in), the solution's process serves it on a loopback port of its own and the server here only
// passes bytes on, so HTTP is the boundary, as in the http runner.
import http from 'node:http';
import net from 'node:net';

export function serveRemoteApps(ep) {
  const createServer = http.createServer;
  http.createServer = function (...args) {
    const app = args.find((arg) => typeof arg === 'function');
    if (!ep.isRemote(app)) return createServer.apply(this, args);
    let port = null;
    return net.createServer(async (socket) => {
      socket.pause();
      try {
        port ??= ep.request('serve', { h: ep.peerId(app) });
        const upstream = net.connect(await port, '127.0.0.1');
        upstream.on('error', () => socket.destroy());
        socket.on('error', () => upstream.destroy());
        socket.pipe(upstream).pipe(socket);
        socket.resume();
      } catch {
        socket.destroy();
      }
    });
  };
}
