// The class's seat door (server/rooms/classroom/seatDoor.ts) on its own: who may reserve a seat and for how long,
// with a pinned clock and a stand-in class.

import { describe, expect, test } from "vitest";
import { MAX_STUDENTS, REMOVED_TEXT } from "../../shared/net/classroom.ts";
import { SeatDoor, STUDENT_RESERVATION_SECONDS, TEACHER_CONNECTIONS, type ClassAtTheDoor } from "../../server/rooms/classroom/seatDoor.ts";

function classAt(overrides: Partial<Record<keyof ClassAtTheDoor, unknown>> = {}) {
  const state = { closed: false, locked: false, lateJoinClosed: false, students: 0, teachers: 0, ...overrides };
  const room: ClassAtTheDoor = {
    closed: () => state.closed as boolean, locked: () => state.locked as boolean, lateJoinClosed: () => state.lateJoinClosed as boolean,
    students: () => state.students as number, teachers: () => state.teachers as number,
    isHostSecret: (s) => s === "right", removed: (seat) => seat === "gone",
  };
  let clock = 0;
  const door = new SeatDoor(room, () => clock);
  return { state, door, tick: (ms: number) => { clock += ms; } };
}

describe("seat door", () => {
  test("the first reservation with the create options is the teacher's; a later one with them is a student's", () => {
    const { door } = classAt();
    expect(door.admit("t", { mode: "classroom" }, 15)).toEqual({ ok: true, kind: "teacher", seconds: 15, creator: true });
    expect(door.isCreator("t")).toBe(true);
    expect(door.admit("x", { mode: "classroom" }, 15)).toMatchObject({ ok: true, kind: "student", seconds: STUDENT_RESERVATION_SECONDS });
    expect(door.isCreator("x")).toBe(false);
  });

  test("student seats fill up to the class size counting unused reservations, which lapse after a few seconds", () => {
    const { state, door, tick } = classAt({ students: 10 });
    for (let i = 0; i < MAX_STUDENTS - 10; i++) expect(door.admit(`s${i}`, {}, 15).ok).toBe(true);
    expect(door.admit("late", {}, 15)).toEqual({ ok: false, reason: expect.stringMatching(/full/) });
    expect(door.refusal({})).toMatch(/full/);
    // The teacher's seats are not the students'.
    expect(door.admit("t", { hostSecret: "right" }, 15).ok).toBe(true);
    tick(STUDENT_RESERVATION_SECONDS * 1000);
    expect(door.pendingCounts()).toEqual({ teacher: 1, student: 0 });
    expect(door.admit("late", {}, 15).ok).toBe(true);
    state.students = MAX_STUDENTS - 1;
    expect(door.admit("later", {}, 15).ok).toBe(false);
  });

  test("teacher seats need the secret and are capped; a used reservation is released", () => {
    const { door } = classAt({ teachers: TEACHER_CONNECTIONS - 1 });
    expect(door.admit("w", { hostSecret: "wrong" }, 15)).toEqual({ ok: false, reason: expect.stringMatching(/host secret/) });
    expect(door.admit("t1", { hostSecret: "right" }, 15).ok).toBe(true);
    expect(door.admit("t2", { hostSecret: "right" }, 15).ok).toBe(false);
    door.release("t1");
    expect(door.admit("t2", { hostSecret: "right" }, 15).ok).toBe(true);
  });

  test("closed, removed, locked and started-without-late-join classes refuse students (the teacher still gets in unless closed)", () => {
    expect(classAt({ closed: true }).door.refusal({ hostSecret: "right" })).toBe("That class has ended.");
    expect(classAt().door.refusal({ formerSeat: "gone" })).toBe(REMOVED_TEXT);
    const locked = classAt({ locked: true }).door;
    expect(locked.refusal({})).toMatch(/locked/);
    expect(locked.refusal({ hostSecret: "right" })).toBeNull();
    expect(classAt({ lateJoinClosed: true }).door.refusal({})).toMatch(/late joining is off/);
  });
});
