// A class's host secret, the teacher's proof: made at creation, or, in a class resumed after a restart, known only by
// its hash until the teacher's page shows the secret once (resume.ts). Compared in constant time (joinCodes.ts).
// Held by ClassroomRoom.

import { newHostSecret, secretMatches } from "./joinCodes.ts";
import { provesSecret } from "./resume.ts";

export class HostSecret {
  /** The raw secret; "" in a resumed class until the teacher has shown it. */
  raw: string;
  /** A resumed class's kept hash of the secret, else null. */
  readonly resumedHash: string | null;

  /** A new secret, or (`resumed`) none until one matching `resumedHash` is shown. */
  constructor(resumed: boolean, resumedHash: string | null = null) {
    this.raw = resumed ? "" : newHostSecret();
    this.resumedHash = resumedHash;
  }

  /** Whether `sent` is the secret (in a resumed class, the first that proves its hash becomes it). */
  matches(sent: unknown): boolean {
    if (!this.raw && this.resumedHash && provesSecret(sent, this.resumedHash)) this.raw = sent;
    return this.raw !== "" && secretMatches(sent, this.raw);
  }
}
