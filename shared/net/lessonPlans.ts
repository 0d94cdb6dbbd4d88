// One-click lesson plans for a class (design.md: two or three rounds of 8-12 minutes per lesson): each round's
// scenario, length, speed and variant, and the question it asks. The teacher's "lesson" message (use a plan, set up
// its next round) and the plan's status sent to every device. Pure; called by the classroom's lesson desk (server),
// the teacher's setup form, the lobby and the debrief (client), and tests.

import type { Checked, Speed } from "./messages.ts";
import type { RoundVariant } from "./roundVariant.ts";

export interface PlanRound {
  scenarioId: string;
  /** Simulated days. */
  days: number;
  speed: Speed;
  variant?: RoundVariant;
  /** What this round is, in a few words ("The same infection, with three times as many Tregs"). */
  title: string;
  /** The round's question, on the lobby, the projector and every device. */
  question: string;
  /** For the teacher: what to do or watch for in this round. */
  tip: string;
}

export interface LessonPlan { id: string; name: string; rounds: readonly PlanRound[] }

export const LESSON_PLANS: readonly LessonPlan[] = [
  {
    id: "tug-of-war",
    name: "The IL-2 tug-of-war, in three rounds",
    rounds: [
      { scenarioId: "viral", days: 8, speed: 1, title: "A viral infection", question: "Why do clustered helpers take off?",
        tip: "Ask students to keep their helpers together at the dendritic cells, or to spread them out, and compare the IL-2 map." },
      { scenarioId: "viral", days: 8, speed: 1, variant: { params: { tregShareOfCd4: 0.2 } }, title: "The same infection, with about three times as many Tregs",
        question: "What do Tregs do with IL-2?", tip: "Compare the killer T cells with round 1 on the rounds chart: Tregs soak up IL-2 the weakly switched-on cells needed." },
      { scenarioId: "melanoma", days: 10, speed: 1, title: "Melanoma, with therapy cards", question: "What does high-dose IL-2 cost?",
        tip: "Give a student the clinician role, or deal high-dose IL-2 yourself early on day 2, and watch the vascular leak meter." },
    ],
  },
  {
    id: "tolerance",
    name: "IL-2 in infection and in autoimmunity, in two rounds",
    rounds: [
      { scenarioId: "viral", days: 8, speed: 1, title: "A viral infection", question: "Why do clustered helpers take off?",
        tip: "Ask students to keep their helpers together at the dendritic cells, or to spread them out, and compare the IL-2 map." },
      { scenarioId: "t1d", days: 10, speed: 1, title: "Type 1 diabetes: your own killer T cells against the islets", question: "What do Tregs do with IL-2?",
        tip: "Deal low-dose IL-2: mostly the Tregs hear it, and they protect the islets by soaking up the IL-2 the self-reactive cells need." },
    ],
  },
];

/** Wall-clock minutes a plan round lasts: 20 model ticks a second at speed 1, one simulated minute a tick. */
export const roundMinutes = (r: Pick<PlanRound, "days" | "speed">): number => (r.days * 24 * 60) / 20 / r.speed / 60;

export const planById = (id: string): LessonPlan | undefined => LESSON_PLANS.find((p) => p.id === id);

/** Client → server (teacher, with the host secret): { secret, action: "use", plan } | { secret, action: "next" | "stop" }. */
export const LESSON_MESSAGE = "lesson";
/** Server → everyone: the plan in use and which of its rounds is set up (LessonStatus), or { plan: null }. */
export const LESSON_STATUS_MESSAGE = "lessonStatus";

export type LessonAction = { action: "use"; plan: string } | { action: "next" } | { action: "stop" };

export interface LessonStatus {
  plan: { id: string; name: string } | null;
  /** Zero-based index of the round set up now, and the plan's number of rounds. */
  index: number;
  total: number;
  round: PlanRound | null;
}

/** Checks a lesson message's shape and plan name; the room compares the secret. */
export function checkLessonAction(payload: unknown): Checked<{ secret: string; action: LessonAction }> {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return { ok: false, error: "a lesson message must be an object" };
  const p = payload as Record<string, unknown>;
  if (typeof p.secret !== "string" || p.secret.length === 0 || p.secret.length > 128) return { ok: false, error: "this needs the teacher's host secret" };
  const allowed = p.action === "use" ? ["secret", "action", "plan"] : ["secret", "action"];
  if (Object.keys(p).some((k) => !allowed.includes(k))) return { ok: false, error: `a lesson message has only ${allowed.join(", ")}` };
  if (p.action === "next" || p.action === "stop") return { ok: true, value: { secret: p.secret, action: { action: p.action } } };
  if (p.action !== "use") return { ok: false, error: "action must be use, next or stop" };
  if (typeof p.plan !== "string" || !planById(p.plan)) return { ok: false, error: `unknown lesson plan; plans: ${LESSON_PLANS.map((x) => x.id).join(", ")}` };
  return { ok: true, value: { secret: p.secret, action: { action: "use", plan: p.plan } } };
}
