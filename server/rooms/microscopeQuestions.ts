// The microscope's questions to the model, per client (commandDoor.ts onInspect). A budget of their own, so a
// student's looks do not spend their orders' (messageBudget.ts): PER_SECOND a second with BURST in hand, well above an
// honest page's (once a second while a cell is open, one question at a time: client/src/ui/microscopeAsk.ts; a click
// on another cell asks at once). And one question at a time on its way to the model: a look asked while the client's
// last is unanswered waits for it, the latest replacing any that waits (the page shows only its open cell, so an
// honest page never notices). Each client is forgotten when it leaves.

import { SendRates } from "./sendRate.ts";

export class MicroscopeQuestions {
  static readonly PER_SECOND = 4;
  static readonly BURST = 8;
  private readonly rates = new SendRates({ perSecond: MicroscopeQuestions.PER_SECOND, burst: MicroscopeQuestions.BURST });
  /** Clients with a question on its way to the model: the cell asked about meanwhile (asked next), or null. */
  private readonly asking = new Map<string, number | null>();

  /** Whether one more look from this client may be acted on now. */
  allow(sessionId: string): boolean {
    return this.rates.take(sessionId);
  }

  /** Whether to ask the model about `cellId` now; if not, it waits for the client's question on its way. */
  ask(sessionId: string, cellId: number): boolean {
    const free = !this.asking.has(sessionId);
    this.asking.set(sessionId, free ? null : cellId);
    return free;
  }

  /** Whether this client has a question on its way to the model (false once it has left). */
  waiting(sessionId: string): boolean {
    return this.asking.has(sessionId);
  }

  /** The client's question was answered: the cell it asked about meanwhile (on its way now), or null (it may ask again). */
  answered(sessionId: string): number | null {
    const next = this.asking.get(sessionId) ?? null;
    if (next === null) this.asking.delete(sessionId);
    else this.asking.set(sessionId, null);
    return next;
  }

  /** Whether anything is held for this client (tests: nothing once it has left). */
  holds(sessionId: string): boolean {
    return this.asking.has(sessionId) || this.rates.has(sessionId);
  }

  forget(sessionId: string): void {
    this.rates.forget(sessionId);
    this.asking.delete(sessionId);
  }
}
