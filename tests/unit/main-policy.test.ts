import { describe, expect, it } from 'vitest'
import { APP_URL, isAllowedExternalUrl, isTrustedSenderUrl } from '../../electron/main/policy'

describe('which pages may call the core over IPC', () => {
  it('trusts the app:// page', () => {
    expect(isTrustedSenderUrl(APP_URL, null)).toBe(true)
    expect(isTrustedSenderUrl('app://simpul/kader/1', null)).toBe(true)
  })

  it.each([undefined, null, '', 'not a url', 'app://other/index.html', 'file:///C:/index.html', 'https://simpul.example/', 'http://localhost:5173/'])(
    'refuses %j when no dev server runs',
    (url) => {
      expect(isTrustedSenderUrl(url, null)).toBe(false)
    },
  )

  it('trusts the dev server only when main was given its URL, and only that origin', () => {
    const dev = 'http://localhost:5173'
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', dev)).toBe(true)
    expect(isTrustedSenderUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedSenderUrl('https://localhost:5173/', dev)).toBe(false)
  })
})

describe('which links open in the system browser', () => {
  it('opens allow-listed https sites', () => {
    expect(isAllowedExternalUrl('https://github.com/fityannugroho/idn-area-data')).toBe(true)
  })

  it.each([
    'http://github.com/',
    'https://github.com.evil.example/',
    'https://user:pass@github.com/',
    'https://github.com:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://evil.example/',
    'bukan url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })
})
