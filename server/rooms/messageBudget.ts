// Per-client message allowance, so a flood is refused without stalling the room or disconnecting a keen player:
// at most PER_SECOND commands are acted on and REPLIES_PER_SECOND refusals sent back per second, each a token bucket
// judged by the client's sending (sendRate.ts: a backlog handed over after an event-loop stall is not a burst).
// (frameGuard.ts disconnects only a real flood, at the room's maxMessagesPerSecond.) Called by the tissue rooms; tests
// give it a clock of their own.

import { SendRates, type SendRateOptions } from "./sendRate.ts";

export class MessageBudget {
  static readonly PER_SECOND = 20;
  static readonly REPLIES_PER_SECOND = 30;
  private readonly commands: SendRates;
  private readonly replies: SendRates;

  /** `clock`: the buckets' clock and stall measure (sendRate.ts); tests pin them, rooms use the real ones. */
  constructor(clock: Pick<SendRateOptions, "now" | "stallMs"> = {}) {
    this.commands = new SendRates({ perSecond: MessageBudget.PER_SECOND, burst: MessageBudget.PER_SECOND, ...clock });
    this.replies = new SendRates({ perSecond: MessageBudget.REPLIES_PER_SECOND, burst: MessageBudget.REPLIES_PER_SECOND, ...clock });
  }

  /** Whether one more command from this client may be acted on now. */
  allow(sessionId: string): boolean {
    return this.commands.take(sessionId);
  }

  /** Whether one more refusal may be sent to this client now. */
  mayReply(sessionId: string): boolean {
    return this.replies.take(sessionId);
  }

  forget(sessionId: string): void {
    this.commands.forget(sessionId);
    this.replies.forget(sessionId);
  }
}
