// Who is looking (issue #10): the signed-in organisation and role in the header, the sign-in dialog, signing out, and
// "see what the public sees". Without a session the viewer shows the public view; what a role may not use is hidden,
// not offered and refused. A session is an HttpOnly cookie the service sets at POST /auth/login: this file never
// sees it. Every state-changing request is JSON from the viewer's own origin (the service refuses anything else).

import { t } from './i18n.js';
import { viewer, $ } from './viewer.js';

const PUBLIC_KEY = 'gt.viewAsPublic';

/** Whether a signed-in reader chose to see what the public sees (kept for the browser tab). */
export function viewAsPublic() {
  return viewer.account !== null && sessionStorage.getItem(PUBLIC_KEY) === '1';
}

/** GET /auth/me: the signed-in reader, or null (not signed in, the session ended, or a service that serves only the public view). */
export async function loadAccount() {
  try {
    const response = await fetch(viewer.base + 'auth/me', { credentials: 'same-origin' });
    const me = response.ok ? await response.json() : {};
    viewer.account = me.user ? me : null;
    viewer.signInOffered = me.sign_in !== false;
    viewer.oidcOffered = me.oidc === true;
  } catch {
    viewer.account = null;
  }
  return viewer.account;
}

/** The header's account area: who is signed in and the buttons that go with it. */
export function renderAccount() {
  const box = $('account');
  if (!box) return;
  const a = viewer.account;
  box.innerHTML = '';
  const who = document.createElement('span');
  who.className = 'account-who';
  who.dataset.testid = 'account-who';
  if (a && !viewAsPublic()) {
    who.textContent = t('account.signedIn', { org: a.org_name, role: t(`account.role.${a.role}`), user: a.user });
  } else if (a) {
    who.textContent = t('account.asPublic');
  } else if (new URLSearchParams(window.location.search).get('signin') === 'failed') {
    // Back from the organisation's identity provider without a session (the service's audit says why).
    who.textContent = t('account.oidcFailed');
  } else {
    who.textContent = t('account.public');
  }
  box.append(who);
  if (a) {
    box.append(button('account-public', viewAsPublic() ? t('account.ownView') : t('account.seePublic'), () => {
      sessionStorage.setItem(PUBLIC_KEY, viewAsPublic() ? '0' : '1');
      window.location.reload();
    }));
    box.append(button('account-logout', t('account.signOut'), signOut));
  } else if (viewer.signInOffered) {
    box.append(button('account-login', t('account.signIn'), openSignIn));
    if (viewer.oidcOffered) {
      const link = document.createElement('a');
      link.id = 'account-oidc';
      link.className = 'account-link';
      link.href = viewer.base + 'auth/oidc/login';
      link.textContent = t('account.signInOidc');
      box.append(link);
    }
  }
}

function button(id, text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = id;
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

function openSignIn() {
  const dialog = $('signin');
  $('signin-error').textContent = '';
  $('signin-password').value = '';
  dialog.showModal();
  $('signin-user').focus();
}

/** Wires the sign-in dialog's form once. */
export function wireSignIn() {
  const dialog = $('signin');
  $('signin-cancel').addEventListener('click', () => dialog.close());
  $('signin-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const error = $('signin-error');
    error.textContent = '';
    const submit = $('signin-submit');
    submit.disabled = true;
    try {
      const response = await fetch(viewer.base + 'auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ user: $('signin-user').value.trim(), password: $('signin-password').value }),
      });
      if (response.ok) {
        sessionStorage.removeItem(PUBLIC_KEY);
        window.location.reload();
        return;
      }
      error.textContent = response.status === 429 ? t('account.tooMany', { min: Math.ceil(Number(response.headers.get('Retry-After') || 60) / 60) }) : t('account.wrong');
    } catch (err) {
      error.textContent = t('account.failed', { error: err.message });
    } finally {
      submit.disabled = false;
    }
  });
}

async function signOut() {
  await fetch(viewer.base + 'auth/logout', { method: 'POST', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin', body: '{}' });
  sessionStorage.removeItem(PUBLIC_KEY);
  window.location.reload();
}
