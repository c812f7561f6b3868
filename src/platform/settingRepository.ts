/** Server-wide values shared by every API process, written once. */
export interface SettingRepository {
  /** The stored value of `name`; `initial` is stored first when there is none (the first writer wins). */
  getOrCreate(name: string, initial: string): Promise<string>;
}
