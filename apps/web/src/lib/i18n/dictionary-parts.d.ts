/** Half of one language's dictionary, made by the build (apps/web/vite.config.mts, dictionaryParts). */
declare module 'virtual:dictionary/*' {
  const part: Readonly<Record<string, import('./i18n').Message>>;
  export default part;
}
