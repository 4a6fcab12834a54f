// Small DOM helpers: build elements from data, never from HTML strings (no injection from status names).

/** h('td', {class: 'x', 'data-label': 'Agent'}, 'text', child) */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') element.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name in element && typeof value !== 'string') element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element;
}

export function replaceChildren(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

export function show(element, visible = true) {
  element.hidden = !visible;
}

/** A short message in a role=status paragraph; an empty text hides it. */
export function say(element, text, tone = 'info') {
  element.textContent = text || '';
  element.dataset.tone = tone;
  element.hidden = !text;
}
