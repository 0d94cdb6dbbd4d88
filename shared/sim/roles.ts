// The roles players take (human or bot, through the same commands) and the squads each role commands.
// Squad numbers are the scenarios' convention: 1 helpers, 2 killers, 3 NK cells, 4 Tregs. Called by the room, bots and UI.

export const ROLES = ["effector", "treg", "nk", "clinician"] as const;
export type Role = (typeof ROLES)[number];

/** Squads each role commands; the clinician commands no cells, only therapy cards. */
export const ROLE_SQUADS: Readonly<Record<Role, readonly number[]>> = {
  effector: [1, 2],
  treg: [4],
  nk: [3],
  clinician: [],
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  effector: "Effector commander (helper and killer T cells)",
  treg: "Treg commander (regulatory T cells)",
  nk: "NK commander (natural killer cells)",
  clinician: "Clinician (IL-2 therapy cards)",
};

/** What each squad number holds, in the glossary's words. */
export const SQUAD_LABELS: Readonly<Record<number, string>> = {
  1: "CD4 helper T cells",
  2: "CD8 killer T cells",
  3: "NK cells",
  4: "Tregs",
};

/** Bot skill levels. */
export const DIFFICULTIES = ["easy", "normal", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export function isRole(v: unknown): v is Role {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v);
}

export function isDifficulty(v: unknown): v is Difficulty {
  return typeof v === "string" && (DIFFICULTIES as readonly string[]).includes(v);
}
