// Changes the room makes to a world outside its steps (squad splits and merges, the sandbox's live parameters): their
// home is the round's rules (shared/round/worldEdit.ts); named here for the room's model code. Called by ClassroomRoom
// (through the room's editWorld), the sandbox desk and modelWorker.ts.

export { applyEdit, type WorldEdit } from "../../../shared/round/worldEdit.ts";
