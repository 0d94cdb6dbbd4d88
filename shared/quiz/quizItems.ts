// The two-tier quiz's items (items.json: a choice, then the reason for it), one or more per learning objective of the
// design (1-7), validated when this module loads: a broken file fails loudly here, as scenario files do. Runs in Node
// and the browser; used by the quiz dialog (solo, classroom, kiosk), the classroom room and the tests.

import file from "./items.json" with { type: "json" };

/** The seven learning objectives (../../docs: design.md), 1-based. */
export const OBJECTIVES = [1, 2, 3, 4, 5, 6, 7] as const;
export type Objective = (typeof OBJECTIVES)[number];
export const TIERS = ["choice", "reason"] as const;
export type Tier = (typeof TIERS)[number];

export interface QuizItem {
  /** Short and stable: answers are stored under it. */
  id: string;
  objective: Objective;
  question: string;
  choices: string[];
  /** Index of the right choice. */
  answer: number;
  /** The second tier: why the chosen answer is right. */
  reasons: string[];
  /** Index of the right reason. */
  reason: number;
  /** Where the game shows it (said after the quiz). */
  inGame: string;
}

export interface QuizBook { objectives: Record<Objective, string>; items: QuizItem[] }

export const MIN_OPTIONS = 3;
export const MAX_OPTIONS = 4;
/** Text lengths a phone shows without scrolling a single option off screen. */
export const MAX_QUESTION_CHARS = 200;
export const MAX_OPTION_CHARS = 160;
export const MAX_IN_GAME_CHARS = 240;
export const ITEM_ID_PATTERN = /^[a-z0-9-]{2,32}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isObjective = (v: unknown): v is Objective => (OBJECTIVES as readonly unknown[]).includes(v);
const sane = (v: unknown, max: number): v is string => typeof v === "string" && v.trim().length >= 2 && v.length <= max && v === v.trim();

function checkOptions(id: string, what: string, list: unknown, right: unknown, errors: string[]): void {
  if (!Array.isArray(list) || list.length < MIN_OPTIONS || list.length > MAX_OPTIONS) {
    errors.push(`${id}: ${what} must be a list of ${MIN_OPTIONS} to ${MAX_OPTIONS} texts`);
    return;
  }
  list.forEach((t, k) => { if (!sane(t, MAX_OPTION_CHARS)) errors.push(`${id}: ${what} ${k + 1} must be a text of 2 to ${MAX_OPTION_CHARS} characters`); });
  if (new Set(list).size !== list.length) errors.push(`${id}: two ${what} are the same`);
  if (!(Number.isInteger(right) && (right as number) >= 0 && (right as number) < list.length)) errors.push(`${id}: the right one of the ${what} must be an index into them`);
}

/** Checks a quiz file; every problem is listed (an empty list means it is valid). */
export function checkQuizBook(json: unknown): { ok: true; book: QuizBook } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (!isObj(json) || !isObj(json.objectives) || !Array.isArray(json.items)) return { ok: false, errors: ["the quiz file is { objectives, items }"] };
  for (const o of OBJECTIVES) if (!sane(json.objectives[String(o)], 60)) errors.push(`objective ${o} needs a short name`);
  const ids = new Set<string>();
  const covered = new Set<Objective>();
  json.items.forEach((raw, k) => {
    const id = isObj(raw) && typeof raw.id === "string" ? raw.id : `item ${k + 1}`;
    if (!isObj(raw)) return void errors.push(`${id}: an item must be an object`);
    const known = ["id", "objective", "question", "choices", "answer", "reasons", "reason", "inGame"];
    const extra = Object.keys(raw).filter((key) => !known.includes(key));
    if (extra.length) errors.push(`${id}: unknown field ${extra.join(", ")}`);
    if (typeof raw.id !== "string" || !ITEM_ID_PATTERN.test(raw.id)) errors.push(`${id}: id must be 2-32 lower-case letters, digits or dashes`);
    else if (ids.has(raw.id)) errors.push(`${id}: two items have this id`);
    else ids.add(raw.id);
    if (!isObjective(raw.objective)) errors.push(`${id}: objective must be a whole number from 1 to 7`);
    else covered.add(raw.objective);
    if (!sane(raw.question, MAX_QUESTION_CHARS)) errors.push(`${id}: question must be a text of 2 to ${MAX_QUESTION_CHARS} characters`);
    checkOptions(id, "choices", raw.choices, raw.answer, errors);
    checkOptions(id, "reasons", raw.reasons, raw.reason, errors);
    if (!sane(raw.inGame, MAX_IN_GAME_CHARS)) errors.push(`${id}: inGame must say where the game shows it (2 to ${MAX_IN_GAME_CHARS} characters)`);
  });
  for (const o of OBJECTIVES) if (!covered.has(o)) errors.push(`objective ${o} has no item`);
  return errors.length ? { ok: false, errors } : { ok: true, book: json as unknown as QuizBook };
}

function load(): QuizBook {
  const r = checkQuizBook(file);
  if (!r.ok) throw new Error(`shared/quiz/items.json is not valid:\n  ${r.errors.join("\n  ")}`);
  return r.book;
}

export const QUIZ: Readonly<QuizBook> = load();
export const QUIZ_ITEMS: readonly QuizItem[] = QUIZ.items;
export const quizItem = (id: string): QuizItem | undefined => QUIZ_ITEMS.find((i) => i.id === id);
export const objectiveName = (o: Objective): string => QUIZ.objectives[o];
