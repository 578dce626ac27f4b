import { useEffect } from 'react'

/** A page is this share of the region's visible height, so a line of context stays in sight. */
const PAGE_SHARE = 0.85

/**
 * Props for a region that scrolls (issue 12, "Nothing scrolls by keyboard"): it can take the focus, has a role and a
 * name (axe scrollable-region-focusable), and `data-scroll-region` marks it for PageUp/PageDown.
 */
export function scrollRegion(label: string, testId: string) {
  return { tabIndex: 0, role: 'region', 'aria-label': label, 'data-scroll-region': '', 'data-testid': testId } as const
}

/**
 * PageUp/PageDown scroll every region on screen that holds more than it shows. The scan field keeps the focus at
 * the desk (Tab ends a scan), so these keys work from it, without the packer having to reach a region first.
 */
export function usePageScroll(): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent): void {
      if (e.key !== 'PageDown' && e.key !== 'PageUp') return
      if (e.ctrlKey || e.altKey || e.metaKey) return
      const sign = e.key === 'PageDown' ? 1 : -1
      const regions = [...document.querySelectorAll<HTMLElement>('[data-scroll-region]')].filter((el) => el.scrollHeight > el.clientHeight + 1)
      if (regions.length === 0) return
      e.preventDefault()
      for (const el of regions) el.scrollBy({ top: sign * Math.max(40, el.clientHeight * PAGE_SHARE) })
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
