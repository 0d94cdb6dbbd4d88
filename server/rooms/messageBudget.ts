// Per-client message allowance, so a flood is refused without stalling the room or disconnecting a keen player:
// at most PER_SECOND commands are acted on and REPLIES_PER_SECOND refusals sent back per wall-clock second.
// (Colyseus' maxMessagesPerSecond, set higher in TissueRoom, disconnects only a real flood.) Called by TissueRoom.

interface Window { start: number; commands: number; replies: number }

export class MessageBudget {
  static readonly PER_SECOND = 20;
  static readonly REPLIES_PER_SECOND = 30;
  private readonly windows = new Map<string, Window>();

  private window(sessionId: string): Window {
    const now = Date.now();
    let w = this.windows.get(sessionId);
    if (!w || now - w.start >= 1000) {
      w = { start: now, commands: 0, replies: 0 };
      this.windows.set(sessionId, w);
    }
    return w;
  }

  /** Whether one more command from this client may be acted on this second. */
  allow(sessionId: string): boolean {
    return ++this.window(sessionId).commands <= MessageBudget.PER_SECOND;
  }

  /** Whether one more refusal may be sent to this client this second. */
  mayReply(sessionId: string): boolean {
    return ++this.window(sessionId).replies <= MessageBudget.REPLIES_PER_SECOND;
  }

  forget(sessionId: string): void {
    this.windows.delete(sessionId);
  }
}
