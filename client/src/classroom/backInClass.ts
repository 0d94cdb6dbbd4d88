// The line a class's page says (toast and screen reader) when its connection comes back after a drop, for instance
// after the server restarted and resumed the class from its checkpoint paused: where the page is, and who starts the
// round again. Called by classroomUi.ts on each reconnection.

export interface BackInClass { code: string; teacher: boolean; phase: string; paused: boolean }

export function backInClassLine(b: BackInClass): string {
  const back = `Connected again to class ${b.code}.`;
  if (b.phase !== "playing" || !b.paused) return back;
  return b.teacher
    ? `${back} The round is paused: press ▶ Resume when the class is ready.`
    : `${back} The round is paused until your teacher resumes it.`;
}
