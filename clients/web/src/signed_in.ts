// Who is signed in: asked of the API, and for a peer remembered in this
// browser so that the app opens with no network and their notes can be
// written (note_outbox.ts); forgotten at sign-out.
import { fromJsonString, toJsonString } from "@bufbuild/protobuf";
import { isOffline, users } from "./api";
import { Role } from "./gen/healthcheck/v1/access_pb";
import { type User, UserSchema } from "./gen/healthcheck/v1/user_pb";

const key = "healthcheck-signed-in";

export async function whoAmI(): Promise<User> {
  try {
    const me = await users.getUser({ name: "users/me" });
    if (me.role === Role.PEER) localStorage.setItem(key, toJsonString(UserSchema, me));
    return me;
  } catch (error) {
    const kept = localStorage.getItem(key);
    if (isOffline(error) && kept) return fromJsonString(UserSchema, kept);
    throw error;
  }
}

export function forgetWhoIAm(): void {
  localStorage.removeItem(key);
}
