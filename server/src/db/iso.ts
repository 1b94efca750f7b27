/** Timestamps leave the API as ISO 8601 UTC whatever text the driver gave. */
export const iso = (timestamp: string): string => new Date(timestamp).toISOString();
