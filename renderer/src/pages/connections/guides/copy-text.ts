/**
 * Puts text on the clipboard. The async Clipboard API first; where it is refused (no focus, an
 * engine without it), a selected textarea and the copy command, placed inside the open dialog
 * because everything outside a modal dialog is inert.
 */
export async function copyText(text: string, near?: Element | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const host = near?.closest('dialog') ?? document.body;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    host.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
