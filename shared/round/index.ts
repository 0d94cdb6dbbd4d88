// The rules of a round (pure, deterministic): Round, a class's seating and teacher rules, and what their callers
// name. Imports shared/sim and shared/bots only.

export { Round } from "./Round.ts";
export { admitCommand, type Admission, type CardClock, type Sender } from "./admitCommand.ts";
export { BotSeats } from "./botSeats.ts";
export { outcomeEndedNow } from "./endNow.ts";
export { nextRound, type NextRound, type RoundLeft } from "./nextRound.ts";
export { RoundInputs, replayInputs, makeInput, changed, type RoundInput, type LoggedInput, type InputAnswer } from "./roundInputs.ts";
export { applyEdit, type WorldEdit } from "./worldEdit.ts";
export { autoBalance, balancedRoleCounts, planSquads, type SquadPlan } from "./squadSplit.ts";
export { handOver, newcomerRole, rolesForBots, squadsInPlay, type ClassSeat, type HandOver } from "./classSeating.ts";
export { WatchRoster, soloArrival, soloBotRoles, soloLeave, type SoloArrival, type SoloRoom } from "./soloSeating.ts";
export { botSeat, botSeatId, personSeat, seatToBot, type BotSeat, type Seat } from "./seatRules.ts";
export {
  classCommandRefusal, newRoundDropsRound, roundRuns, teacherRefusal, type ClassFacts, type ClassPhase, type TeacherVerb,
} from "./teacherActions.ts";
export { MAX_PENDING_PER_SEAT, PendingOrders } from "./pendingOrders.ts";
