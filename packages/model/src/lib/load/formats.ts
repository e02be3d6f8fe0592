/** The string formats of the corpus files' schemas, for Ajv: when the validators are compiled and when they run. */
export const formats = {
  // An absolute http(s) URL that parses (`https://` alone does not).
  'http-url': {type: 'string', validate: (value: string): boolean => /^https?:\/\//i.test(value) && URL.canParse(value)}
} as const
