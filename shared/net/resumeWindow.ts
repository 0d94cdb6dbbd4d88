// How long a room keeps a dropped player's seat for them, seconds (the room's allowReconnection); then a bot takes it.
// One number for both ends: the tissue room waits this long, and a reloaded tab tries its stored token only within it.
// Used by server/rooms/TissueRoomBase.ts and client/src/net/GameSession.ts.

export const RESUME_WINDOW_SECONDS = 60;
