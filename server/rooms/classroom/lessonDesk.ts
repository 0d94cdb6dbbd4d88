// The lesson plan a class follows: which plan, which of its rounds is set up; "use" sets up its first round in the
// lobby, "next" (after a debrief, or in the lobby to skip one) sets up the following one with its scenario, length,
// variant and speed. Called by teacherDoor.ts for the teacher's checked "lesson" messages.

import { planById, type LessonAction, type LessonPlan, type LessonStatus, type PlanRound } from "../../../shared/net/lessonPlans.ts";

/** What the desk asks of its room. */
export interface LessonRoom {
  phase: string;
  /** Back to the lobby with a fresh world (the teacher's "newRound"); a sentence when it cannot. */
  newRound(): string | null;
  /** Makes the lobby's next round this plan round (scenario, days, variant) at its speed. */
  setUp(round: PlanRound): void;
}

export class LessonDesk {
  private plan: LessonPlan | null = null;
  private index = 0;

  status(): LessonStatus {
    const p = this.plan;
    return { plan: p ? { id: p.id, name: p.name } : null, index: this.index, total: p?.rounds.length ?? 0, round: p?.rounds[this.index] ?? null };
  }

  /** Whether this action makes a new world now (budgeted per class and per address: worldRebuilds.ts). */
  rebuilds(a: LessonAction): boolean {
    return a.action === "use" || (a.action === "next" && this.plan !== null && this.index + 1 < this.plan.rounds.length);
  }

  /** Carries out one action; a sentence when it cannot be done now (and then nothing changed). */
  act(a: LessonAction, room: LessonRoom): string | null {
    switch (a.action) {
      case "use": {
        if (room.phase !== "lobby") return "a lesson plan is chosen in the lobby, before a round starts";
        this.plan = planById(a.plan)!;
        this.index = 0;
        room.setUp(this.plan.rounds[0]);
        return null;
      }
      case "next": {
        if (!this.plan) return "no lesson plan is in use";
        if (this.index + 1 >= this.plan.rounds.length) return "that was the plan's last round";
        if (room.phase === "playing") return "the round is still running: end it first";
        if (room.phase !== "lobby") {
          const error = room.newRound();
          if (error) return error;
        }
        this.index++;
        room.setUp(this.plan.rounds[this.index]);
        return null;
      }
      case "stop":
        this.plan = null;
        this.index = 0;
        return null;
    }
  }
}
