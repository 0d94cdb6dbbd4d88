// The room state every client receives (the wire contract's first piece): which scenario runs, the model's tick
// and simulated day, its outcome and how many cells live. Units: ticks, days, counts. Written by TissueRoom, read by clients.
// Cells, the IL-2 field and per-role data join later, each at the rate the view needs (see architecture.md, rule 8).

import { schema, t, type SchemaType } from "@colyseus/schema";

export const TissueState = schema({
  scenarioId: t.string().default(""),
  tick: t.uint32().default(0),
  day: t.float32().default(0),
  cellCount: t.uint32().default(0),
  outcome: t.string().default("ongoing"),
}, "TissueState");
export type TissueState = SchemaType<typeof TissueState>;
