// The rules of a round (pure, deterministic): Round and what its callers name. Imports shared/sim and shared/bots only.

export { Round } from "./Round.ts";
export { admitCommand, type Admission, type CardClock, type Sender } from "./admitCommand.ts";
export { BotSeats } from "./botSeats.ts";
export { outcomeEndedNow } from "./endNow.ts";
export { RoundInputs, replayInputs, makeInput, changed, type RoundInput, type LoggedInput, type InputAnswer } from "./roundInputs.ts";
export { applyEdit, type WorldEdit } from "./worldEdit.ts";
