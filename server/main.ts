// Starts the game server: reads PORT and HOST from the environment (defaults 2567 and 127.0.0.1, so nothing is
// exposed to the network unless asked), listens, and prints the address. Run by `npm start`.

import type { AddressInfo } from "node:net";
import { createGameServer } from "./app.ts";

const DEFAULT_PORT = 2567;
const DEFAULT_HOST = "127.0.0.1";

function readPort(raw: string | undefined): number {
  if (raw === undefined || raw === "") return DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be an integer from 0 to 65535, not "${raw}"`);
    process.exit(1);
  }
  return port;
}

const port = readPort(process.env.PORT);
const host = process.env.HOST || DEFAULT_HOST;

const server = createGameServer({ handleSignals: true });
// Colyseus's listen() never settles when binding fails (it only hooks 'error' after success), so race the error.
const bindFailed = new Promise<never>((_, reject) => server.transport.server?.once("error", reject));
try {
  await Promise.race([server.listen(port, host), bindFailed]);
} catch (err) {
  console.error(`Could not listen on ${host}:${port}: ${(err as Error).message}`);
  process.exit(1);
}

const address = server.transport.server?.address() as AddressInfo | null;
const shownHost = host.includes(":") ? `[${host}]` : host;
console.log(`Cytokine Command is running at http://${shownHost}:${address?.port ?? port}/`);
if (host === "0.0.0.0" || host === "::") console.log("Listening on every network interface: anyone on the network can connect.");
