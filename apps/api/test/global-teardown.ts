export default async function globalTeardown(): Promise<void> {
  await globalThis.__TWINNING_EMBEDDED__?.stop();
}
