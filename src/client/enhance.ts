// Progressive enhancement only: every page works without this file.
import './report-dialog.ts';

const enhanceMenu = (): void => {
  const button = document.querySelector<HTMLButtonElement>('[data-menu-toggle]');
  const nav = document.getElementById(button?.getAttribute('aria-controls') ?? '');
  if (!button || !nav) return;
  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    nav.toggleAttribute('data-collapsed', !open);
  };
  button.hidden = false;
  setOpen(false);
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      setOpen(false);
      button.focus();
    }
  });
};

document.documentElement.classList.add('js');
enhanceMenu();
