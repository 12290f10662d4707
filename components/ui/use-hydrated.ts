import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

// False in the server's HTML and until React has hydrated: forms that submit through JavaScript keep their
// button disabled until then, so an early click cannot fall back to a plain page reload.
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
