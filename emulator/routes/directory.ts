import type { Emu } from '../emu.js';

export function register(emu: Emu): void {
  void emu;
}
