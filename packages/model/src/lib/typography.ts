// Placeholder (replaced in the next commit).
export interface TypographyState { previous: string }
export function typography(text: string, _state?: TypographyState): string { return text }
