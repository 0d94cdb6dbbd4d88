// Imported first by a test whose SDK devices try their seats again while a server process is down: Node 22's
// WebSocket (undici) fires "error" but never "close" when a connection's handshake is refused (a 502 from the front
// while the process restarts), so the SDK, which tries again on "close", would wait forever where a browser moves on.
// This subclass closes such a socket as a browser does (code 1006 after the error). Installed before the SDK loads
// (it picks its WebSocket class when its module loads). Used by test/server/clusterFailure.test.ts.

const Native = globalThis.WebSocket;

class BrowserLikeWebSocket extends Native {
  constructor(...args: ConstructorParameters<typeof Native>) {
    super(...args);
    let closed = false;
    this.addEventListener("close", () => (closed = true));
    this.addEventListener("error", () => {
      if (this.readyState !== Native.CONNECTING) return;
      setTimeout(() => {
        if (closed || this.readyState === Native.OPEN) return;
        closed = true;
        this.dispatchEvent(Object.assign(new Event("close"), { code: 1006, reason: "", wasClean: false }));
      }, 0);
    });
  }
}

globalThis.WebSocket = BrowserLikeWebSocket as typeof WebSocket;
