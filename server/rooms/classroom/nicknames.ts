// Friendly nicknames for students, unique within a session: a kind adjective and an immune-biology noun ("Swift
// Dendrite"). Students never type a name, so nothing a student writes is shown to the class. Called by ClassroomRoom
// (join, rename).

import { randomInt } from "node:crypto";

export const NICKNAME_ADJECTIVES = [
  "Swift", "Brave", "Bright", "Calm", "Clever", "Cheerful", "Curious", "Daring", "Eager", "Gentle", "Happy", "Helpful",
  "Keen", "Kind", "Lively", "Loyal", "Lucky", "Mighty", "Nimble", "Patient", "Plucky", "Quick", "Quiet", "Sharp",
  "Steady", "Sunny", "Tidy", "Trusty", "Valiant", "Wise", "Zesty", "Bold",
] as const;

/** No role's words ("Killer", "Helper", "Treg", "NK Cell", "T Cell"): a name must not say a role the student may not have. */
export const NICKNAME_NOUNS = [
  "Dendrite", "Spleen", "B Cell", "Histamine", "Lysozyme", "Integrin", "Macrophage", "Neutrophil", "Antibody", "Cytokine",
  "Interleukin", "Receptor", "Lymphocyte", "Monocyte", "Platelet", "Thymocyte", "Memory Cell", "Mast Cell",
  "Eosinophil", "Basophil", "Granzyme", "Perforin", "Interferon", "Lymph Node", "Antigen", "Epitope", "Chemokine",
  "Tonsil", "Plasma Cell", "Phagocyte", "Complement", "Thymus",
] as const;

/** Words that name a role or its cells (shared/sim/roles.ts); no nickname contains one (test/unit/nicknames.test.ts). */
export const ROLE_WORDS = ["effector", "commander", "helper", "killer", "treg", "tregs", "regulatory", "nk", "natural", "clinician", "cd4", "cd8", "t"] as const;

/** Every possible nickname: 32 × 32 = 1,024, far more than MAX_STUDENTS. */
export const NICKNAME_COUNT = NICKNAME_ADJECTIVES.length * NICKNAME_NOUNS.length;

/** A nickname not in `taken`; random, so a rename gives a new one. Falls back to numbering if nearly all are used. */
export function newNickname(taken: ReadonlySet<string>): string {
  for (let k = 0; k < 64; k++) {
    const name = `${NICKNAME_ADJECTIVES[randomInt(NICKNAME_ADJECTIVES.length)]} ${NICKNAME_NOUNS[randomInt(NICKNAME_NOUNS.length)]}`;
    if (!taken.has(name)) return name;
  }
  for (const a of NICKNAME_ADJECTIVES) for (const n of NICKNAME_NOUNS) if (!taken.has(`${a} ${n}`)) return `${a} ${n}`;
  for (let i = 2; ; i++) if (!taken.has(`Swift Dendrite ${i}`)) return `Swift Dendrite ${i}`;
}
