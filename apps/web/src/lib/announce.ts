/** Says the outcome of an action in the page's status region; `focus` moves the reader there too. */
export type Announce = (message: string, options?: { focus?: boolean }) => void;
