// Placeholder: being built (issue 4).
export function OpdSettingsPage(_props: Record<string, never>) {
  return null
}
