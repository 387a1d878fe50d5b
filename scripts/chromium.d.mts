export function chromiumPath(options?: { install?: boolean }): string;
