// After a client-side navigation, focus moves to the new page's heading, so that screen
// readers announce the page and keyboard users start from the top of the content.

let pending = false;

/** Called by the router when the path changed; the next page heading takes focus. */
export function focusOnNextHeading(): void {
  pending = true;
  // The heading may already be on the page (same component, new path): focus it now.
  requestAnimationFrame(() => {
    const h = document.querySelector<HTMLElement>('main h1[data-page-heading]');
    if (pending && h) {
      pending = false;
      h.focus();
    }
  });
}

/** Called by a page heading when it mounts: takes the focus if a navigation asked for it. */
export function claimFocus(el: HTMLElement | null): void {
  if (!pending || !el) return;
  pending = false;
  el.focus();
}
