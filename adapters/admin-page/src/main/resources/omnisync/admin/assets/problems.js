// Shows each problem of a configuration (SPEC 3: severity, code, path, message) where its path
// points: the page marks places with data-slot="<path>" (a row, a table, a section); a problem goes
// to the longest slot its path starts with, and to the catch-all slot "*" when none matches.

import { h, replaceChildren } from './dom.js';

const LAST_SEGMENT = /(\.[^.[\]]*|\[\d+\])$/;

/** A problem's path may name several mapping rows at once ("integration.talkdeskToOmni.a, b"). */
function pathsOf(path) {
  const rows = /^(integration\.(?:talkdeskToOmni|omniToTalkdesk))\.(.+)$/.exec(path || '');
  if (rows && rows[2].includes(', ')) return rows[2].split(', ').map((key) => `${rows[1]}.${key}`);
  return [path || ''];
}

function slotOf(path, slots) {
  let candidate = path;
  while (candidate) {
    if (slots.has(candidate)) return candidate;
    const shorter = candidate.replace(LAST_SEGMENT, '');
    if (shorter === candidate) break;
    candidate = shorter;
  }
  return '*';
}

export function isError(problem) {
  return problem.severity === 'ERROR';
}

/** Renders problems into every [data-slot] under root; returns how many landed in each slot. */
export function showProblems(root, problems) {
  const slots = new Map([...root.querySelectorAll('[data-slot]')].map((element) => [element.dataset.slot, element]));
  const placed = new Map([...slots.keys()].map((slot) => [slot, []]));
  for (const problem of problems) {
    const landed = new Set(pathsOf(problem.path).map((path) => slotOf(path, slots)));
    for (const slot of landed) {
      if (placed.has(slot)) placed.get(slot).push(problem);
    }
  }
  for (const [slot, element] of slots) {
    const here = placed.get(slot).slice().sort((a, b) => Number(isError(b)) - Number(isError(a)));
    renderSlot(element, here, slot === '*');
  }
  return placed;
}

function renderSlot(element, problems, showPath) {
  const control = element.dataset.for ? document.getElementById(element.dataset.for) : null;
  if (control) {
    if (problems.some(isError)) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
  element.classList.toggle('has-problems', problems.length > 0);
  if (problems.length === 0) {
    element.replaceChildren();
    return;
  }
  const items = problems.map((problem) =>
    h(
      'li',
      {
        class: `problem ${isError(problem) ? 'error' : 'warning'}`,
        'data-code': problem.code,
        'data-path': problem.path,
      },
      h('span', { class: 'severity', text: isError(problem) ? 'Error' : 'Warning' }),
      ' ',
      showPath && problem.path ? h('code', { class: 'path', text: problem.path }) : null,
      showPath && problem.path ? ' ' : null,
      h('span', { class: 'problem-message', text: problem.message }),
    ),
  );
  replaceChildren(element, h('ul', { class: 'problems' }, items));
}
