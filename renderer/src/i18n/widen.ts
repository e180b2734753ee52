/** The English messages have the Indonesian keys, with any text. */
export type Widen<T> = T extends string ? string : T extends readonly string[] ? readonly string[] : { [K in keyof T]: Widen<T[K]> }
