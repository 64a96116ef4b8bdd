/** Where the editor keeps the API key between visits: this browser's localStorage, under one name. */
export const API_KEY_STORAGE_NAME = 'casework.api-key';

type KeyStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The browser's localStorage, or undefined where it is unavailable (disabled, sandboxed). */
export function browserStorage(): KeyStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function readStoredKey(storage: KeyStorage | undefined): string | null {
  const key = storage?.getItem(API_KEY_STORAGE_NAME)?.trim() ?? '';
  return key === '' ? null : key;
}

export function storeKey(storage: KeyStorage | undefined, key: string): void {
  storage?.setItem(API_KEY_STORAGE_NAME, key.trim());
}

export function forgetKey(storage: KeyStorage | undefined): void {
  storage?.removeItem(API_KEY_STORAGE_NAME);
}
