/** The request's script nonce (Content-Security-Policy), given to Remix's inline scripts when rendering on the server. */
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce() {
  return useContext(NonceContext);
}
