import type { ISocketFactory } from 'kafkajs';
import net from 'node:net';

/**
 * Connections to the broker that a test can freeze: while frozen no byte passes either way and
 * nothing is closed, as when a host hangs or a network partitions (no error, no reset, silence).
 * On thaw the connections that saw the freeze are cut, as a firewall that lost its state would;
 * new ones work again.
 */
export class FreezableNetwork {
  private frozen = false;
  private readonly open = new Set<net.Socket>();
  private readonly held = new Set<net.Socket>();

  readonly socketFactory: ISocketFactory = ({ host, port, onConnect }) => {
    const socket = net.connect({ host, port }, onConnect);
    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    // Swallowed while frozen: the peer never hears of it and the sender never learns.
    socket.write = ((...args: unknown[]) => (this.frozen ? true : write(...args))) as typeof socket.write;
    this.open.add(socket);
    socket.once('close', () => {
      this.open.delete(socket);
      this.held.delete(socket);
    });
    if (this.frozen) this.hold(socket);
    return socket;
  };

  freeze(): void {
    this.frozen = true;
    for (const socket of this.open) this.hold(socket);
  }

  thaw(): void {
    this.frozen = false;
    for (const socket of this.held) socket.destroy();
    this.held.clear();
  }

  private hold(socket: net.Socket): void {
    socket.pause();
    this.held.add(socket);
  }
}
