// dossier web UI: a single page over the JSON API of `dossier serve`.
//
// Routes (the URL hash): #/ storylines and search, #/storyline/S0 one
// storyline (timeline, actor network, quotes, figures and conflicts,
// sources), #/entity/E3 one entity (its names, roles, appearances, quotes).
// Every text from the store goes into the page as text (textContent), never
// as HTML. vis-timeline and cytoscape come from npm (web/package.json), copied
// next to this file by the build; without them the lists still show.
'use strict';

(function () {
  const view = document.getElementById('view');
  const PAGE = 200;  // the API's largest page

  // --- DOM and fetch helpers ---

  // h('a', {href: '#/'}, 'text', child, ...): an element; null children skipped.
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('data-')) el.setAttribute(k, v);
      else if (k === 'onclick') el.addEventListener('click', v);
      else el.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }

  async function api(path) {
    const r = await fetch(path, {headers: {Accept: 'application/json'}});
    let body = null;
    try { body = await r.json(); } catch (e) { /* not JSON */ }
    if (!r.ok) {
      const msg = body && body.error ? body.error.message : r.statusText;
      throw new Error(`${r.status}: ${msg}`);
    }
    return body;
  }

  // Every item of a paged list (at most maxPages pages).
  async function walk(path, maxPages = 20) {
    const items = [];
    let cursor = null;
    for (let page = 0; page < maxPages; ++page) {
      const sep = path.includes('?') ? '&' : '?';
      const j = await api(path + sep + 'limit=' + PAGE +
                          (cursor ? '&cursor=' + encodeURIComponent(cursor) : ''));
      items.push(...j.items);
      if (!j.next_cursor) break;
      cursor = j.next_cursor;
    }
    return items;
  }

  function show(...children) {
    view.replaceChildren(...children);
  }

  function fail(err) {
    show(h('p', {class: 'error', role: 'alert'}, String(err.message || err)));
  }

  // "2020" and "2020-08" as the first day of their span, for the timeline.
  // The first day of an ISO 8601 date of any precision the engine writes:
  // "2020", "2020-08", "2020-08-27", a week "2020-W34", an interval
  // "2014/2017" (its start); null for anything else.
  function startOf(date) {
    if (!date) return null;
    const first = date.split('/')[0];
    let m;
    if ((m = /^(\d{4})-W(\d{2})$/.exec(first))) {
      const jan4 = new Date(Date.UTC(+m[1], 0, 4));
      const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 864e5 + (+m[2] - 1) * 7 * 864e5);
      return monday.toISOString().slice(0, 10);
    }
    if (/^\d{4}$/.test(first)) return first + '-01-01';
    if (/^\d{4}-\d{2}$/.test(first)) return first + '-01';
    if (/^\d{4}-\d{2}-\d{2}/.test(first)) return first.slice(0, 10);
    return null;
  }

  const byDate = (a, b) => (a.date || '9999').localeCompare(b.date || '9999');

  // --- Home: storylines and search ---

  let filtersFilled = false;
  async function fillFilters() {
    if (filtersFilled) return;
    filtersFilled = true;
    const stats = await api('/api/stats');
    const form = document.getElementById('search');
    for (const [name, key] of [['lang', 'by_language'], ['outlet', 'by_outlet']]) {
      const select = form.elements[name];
      for (const value of Object.keys(stats[key] || {}).sort()) {
        if (value) select.append(h('option', {value}, `${value} (${stats[key][value]})`));
      }
    }
  }

  function storylineItem(s) {
    return h('li', {'data-id': s.id, class: 'storyline'},
      h('a', {href: '#/storyline/' + encodeURIComponent(s.id)}, s.title || s.id),
      h('div', {class: 'muted'},
        `${s.id} · ${s.events.length} event${s.events.length === 1 ? '' : 's'} · ` +
        `${s.articles} article${s.articles === 1 ? '' : 's'} · ` +
        `${s.first_date || '?'} – ${s.last_date || '?'} · ${(s.languages || []).join(', ')}`));
  }

  async function home(params) {
    show(h('p', {class: 'muted'}, 'Loading…'));
    fillFilters().catch(() => {});
    const parts = [];
    if (params.get('q')) {
      const query = new URLSearchParams();
      for (const k of ['q', 'lang', 'outlet', 'entity', 'from', 'to']) {
        if (params.get(k)) query.set(k, params.get(k));
      }
      query.set('limit', '50');
      const [result, storyOf] = await Promise.all([api('/api/search?' + query), articleStorylines()]);
      parts.push(h('h2', {}, `Search: ${params.get('q')}`));
      if (!result.items.length) parts.push(h('p', {class: 'muted'}, 'No article matches.'));
      parts.push(h('ul', {class: 'plain', id: 'hits'}, result.items.map((hit) => {
        const s = storyOf.get(hit.id);
        return h('li', {class: 'hit'},
          s ? h('a', {href: '#/storyline/' + encodeURIComponent(s)}, hit.title || hit.id)
            : h('strong', {}, hit.title || hit.id),
          h('div', {class: 'muted'}, `${hit.published || 'undated'} · ${hit.outlet || 'unknown outlet'} · ${hit.language}`),
          h('div', {}, hit.snippet.replace(/\[|\]/g, '')));
      })));
    }
    const storylines = await walk('/api/storylines');
    storylines.sort((a, b) => b.events.length - a.events.length || b.articles - a.articles ||
                              (b.last_date || '').localeCompare(a.last_date || ''));
    parts.push(h('h2', {}, `Storylines (${storylines.length})`));
    if (!storylines.length) parts.push(h('p', {class: 'muted'}, 'No storylines: ingest articles first.'));
    parts.push(h('ul', {class: 'plain', id: 'storylines'}, storylines.map(storylineItem)));
    show(...parts);
  }

  // article id -> storyline id, from the events (first pages only).
  let storyMap = null;
  async function articleStorylines() {
    if (!storyMap) {
      storyMap = new Map();
      for (const e of await walk('/api/events', 10)) {
        for (const a of e.articles) storyMap.set(a, e.storyline);
      }
    }
    return storyMap;
  }

  // --- Storyline page ---

  function timelineSection(story, timeline) {
    const box = h('div', {id: 'timeline'});
    const events = story.events.slice().sort(byDate);
    const list = h('ol', {class: 'plain', id: 'events'}, events.map((e) =>
      h('li', {class: 'event', 'data-id': e.id, 'data-date': e.date || '',
               'data-estimated': e.date_estimated ? 'true' : 'false'},
        h('span', {class: 'date', title: e.date_estimated
          ? 'estimated: no article has a publication day' + (e.not_before ? `; not before ${e.not_before}` : '')
          : ''},
          e.date ? e.date + (e.date_estimated ? ' (estimated)' : '') : 'undated'),
        h('span', {class: 'title'}, e.title),
        h('div', {class: 'muted'},
          `${e.id} · ${e.articles.length} article${e.articles.length === 1 ? '' : 's'}, ` +
          `${e.sources} independent source${e.sources === 1 ? '' : 's'} · ${(e.outlets || []).join(', ')}`))));
    const section = h('section', {id: 'timeline-section'}, h('h2', {}, 'Timeline'), box,
                      h('h2', {}, `Events (${events.length})`), list);
    if (typeof vis === 'undefined') {
      box.append(h('p', {class: 'muted'}, 'vis-timeline is not installed; the events are listed below.'));
      return {section, draw: () => {}};
    }
    const draw = () => {
      const items = [];
      for (const e of events) {
        if (!e.date) continue;
        items.push({id: 'event:' + e.id, group: 'events', start: startOf(e.date), className: 'event',
                    content: h('span', {}, e.title.length > 60 ? e.title.slice(0, 57) + '…' : e.title),
                    title: `${e.date}${e.date_estimated ? ' (estimated)' : ''} ${e.title}`});
      }
      (timeline ? timeline.entries : []).forEach((t, i) => {
        if (!startOf(t.date)) return;
        items.push({id: 'happening:' + i, group: 'happenings', start: startOf(t.date), className: 'happening',
                    content: h('span', {}, t.text.length > 50 ? t.text.slice(0, 47) + '…' : t.text),
                    title: `${t.date}${t.estimated ? ' (estimated)' : ''}: ${t.text} — ` +
                           t.sources.map((s) => s.outlet || s.article).join(', ')});
      });
      // Events first and the view from the top: a group scrolled out of view
      // is not drawn.
      const groups = [{id: 'events', content: 'events', order: 0},
                      {id: 'happenings', content: 'reported', order: 1}];
      if (!items.length) return;
      new vis.Timeline(box, new vis.DataSet(items), new vis.DataSet(groups),
                       {stack: true, maxHeight: 420, zoomable: true, groupOrder: 'order', orientation: 'top',
                        verticalScroll: true,
                        tooltip: {followMouse: true}});
    };
    return {section, draw};
  }

  function actorsSection(network) {
    const box = h('div', {id: 'network'});
    const list = h('ul', {class: 'plain', id: 'actors'}, network.nodes.map((n) =>
      h('li', {class: 'actor', 'data-id': n.id},
        h('a', {href: '#/entity/' + encodeURIComponent(n.id)}, n.name),
        h('span', {class: 'muted'}, ` ${n.type} · ${n.mentions} mention${n.mentions === 1 ? '' : 's'} `),
        h('div', {class: 'variants'}, n.variants.map((v) => h('span', {class: 'chip variant'}, v))))));
    const section = h('section', {id: 'actors-section'},
      h('h2', {}, `Actors (${network.nodes.length})`),
      h('p', {class: 'muted'}, 'Linked when named in the same sentence or article; thicker is more often. Click an actor for its page.'),
      box, list);
    const draw = () => {
      if (typeof cytoscape === 'undefined' || !network.nodes.length) return;
      const maxWeight = Math.max(1, ...network.edges.map((e) => e.weight));
      const maxMentions = Math.max(1, ...network.nodes.map((n) => n.mentions));
      const colors = {PER: '#1f5fa8', ORG: '#8a5a00', LOC: '#2e7d32', MISC: '#6a1b9a'};
      const cy = cytoscape({
        container: box,
        elements: [
          ...network.nodes.map((n) => ({data: {id: n.id, label: n.name, size: 14 + 26 * n.mentions / maxMentions,
                                               color: colors[n.type] || '#555'}})),
          ...network.edges.map((e) => ({data: {id: e.source + '-' + e.target, source: e.source, target: e.target,
                                               width: 1 + 6 * e.weight / maxWeight}})),
        ],
        style: [
          {selector: 'node', style: {label: 'data(label)', width: 'data(size)', height: 'data(size)',
                                     'background-color': 'data(color)', 'font-size': 10}},
          {selector: 'edge', style: {width: 'data(width)', 'line-color': '#bbb', opacity: 0.7}},
        ],
        layout: {name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 400000,
                 idealEdgeLength: () => 90, nodeOverlap: 20},
      });
      cy.on('tap', 'node', (evt) => { location.hash = '#/entity/' + encodeURIComponent(evt.target.id()); });
    };
    return {section, draw};
  }

  function quotesSection(story) {
    const groups = new Map();
    for (const q of story.quotes) {
      const who = q.speaker_name || q.speaker_text || '(unattributed)';
      if (!groups.has(who)) groups.set(who, {speaker: q.speaker, quotes: []});
      groups.get(who).quotes.push(q);
    }
    const outlet = new Map(story.articles.map((a) => [a.id, a.outlet || a.id]));
    const ordered = [...groups.entries()].sort((a, b) =>
      (a[0] === '(unattributed)') - (b[0] === '(unattributed)') || b[1].quotes.length - a[1].quotes.length);
    return h('section', {id: 'quotes'}, h('h2', {}, `Quotes (${story.quotes.length})`),
      ordered.map(([who, g]) => h('div', {class: 'speaker card', 'data-speaker': who},
        h('h3', {}, g.speaker ? h('a', {href: '#/entity/' + encodeURIComponent(g.speaker)}, who) : who),
        g.quotes.map((q) => h('blockquote', {class: q.direct ? 'quote direct' : 'quote reported'},
          q.text,
          h('div', {class: 'muted'}, `${q.direct ? 'direct' : 'reported'} · ${outlet.get(q.article) || q.article}`))))));
  }

  function figuresSection(story) {
    const outlet = new Map(story.articles.map((a) => [a.id, a.outlet || a.id]));
    // A figure is in conflict when a conflict's claim covers its span.
    const claims = story.conflicts.flatMap((c) => c.claims.map((k) => ({...k, conflict: c.id})));
    const inConflict = (f) => claims.find((k) => k.article === f.article && k.start <= f.start && f.end <= k.end);
    const conflicts = h('div', {id: 'conflicts'}, story.conflicts.length
      ? story.conflicts.map((c) => h('div', {class: 'card conflict', 'data-id': c.id},
          h('strong', {}, `${c.id} · ${c.kind} conflict: `), c.subject || c.description,
          h('ul', {}, c.claims.map((k) => h('li', {},
            h('mark', {class: 'conflict value'}, String(k.value)), ' — ', outlet.get(k.article) || k.article, ': ',
            h('q', {}, k.text))))))
      : h('p', {class: 'muted'}, 'The sources do not contradict each other here.'));
    const figures = h('table', {id: 'figures'},
      h('tr', {}, h('th', {}, 'figure'), h('th', {}, 'value'), h('th', {}, 'subject'), h('th', {}, 'date'), h('th', {}, 'source')),
      story.figures.map((f) => {
        const c = inConflict(f);
        return h('tr', {class: c ? 'figure conflict' : 'figure', title: c ? 'in conflict ' + c.conflict : null},
          h('td', {}, f.text), h('td', {class: 'value'}, `${f.approx ? f.approx + ' ' : ''}${f.value} ${f.unit || ''}`),
          h('td', {}, f.subject || ''), h('td', {}, f.date || ''), h('td', {}, outlet.get(f.article) || f.article));
      }));
    return h('section', {id: 'facts'}, h('h2', {}, `Conflicts between sources (${story.conflicts.length})`), conflicts,
             h('h2', {}, `Figures (${story.figures.length})`), figures);
  }

  function sourcesSection(story) {
    const table = (title, counts) => h('div', {}, h('h3', {}, title), h('table', {},
      Object.entries(counts).sort((a, b) => b[1] - a[1]).map(([k, n]) => h('tr', {}, h('td', {}, k || '(unknown)'), h('td', {}, n)))));
    return h('section', {id: 'sources'}, h('h2', {}, `Sources (${story.articles.length} articles)`),
      h('div', {class: 'columns'}, table('By outlet', story.sources.by_outlet), table('By language', story.sources.by_language)),
      h('ul', {class: 'plain'}, story.articles.slice().sort((a, b) => (a.published || '').localeCompare(b.published || ''))
        .map((a) => h('li', {class: 'article', 'data-id': a.id},
          h('span', {class: 'date'}, a.published || 'undated'),
          a.url ? h('a', {href: a.url, rel: 'noopener noreferrer'}, a.title || a.id) : (a.title || a.id),
          h('span', {class: 'muted'}, ` · ${a.outlet || 'unknown outlet'} · ${a.language}`)))));
  }

  async function storyline(id) {
    show(h('p', {class: 'muted'}, 'Loading…'));
    const enc = encodeURIComponent(id);
    const [story, timeline, network] = await Promise.all([
      api('/api/storylines/' + enc),
      api('/api/storylines/' + enc + '/timeline').catch(() => null),
      api('/api/storylines/' + enc + '/network?limit=40'),
    ]);
    const t = timelineSection(story, timeline);
    const n = actorsSection(network);
    show(h('article', {id: 'storyline', 'data-id': story.id},
      h('p', {class: 'muted'}, h('a', {href: '#/'}, '← storylines')),
      h('h1', {}, story.title),
      h('p', {class: 'muted'}, `${story.id} · ${story.first_date || '?'} – ${story.last_date || '?'} · ` +
                               `${story.articles.length} articles · ${(story.languages || []).join(', ')}`),
      t.section, n.section, quotesSection(story), figuresSection(story), sourcesSection(story)));
    t.draw();
    n.draw();
  }

  // --- Entity page ---

  async function entity(id) {
    show(h('p', {class: 'muted'}, 'Loading…'));
    const enc = encodeURIComponent(id);
    const [e, quotes, storyOf] = await Promise.all([
      api('/api/entities/' + enc),
      walk('/api/quotes?speaker=' + enc, 5).catch(() => []),
      articleStorylines(),
    ]);
    show(h('article', {id: 'entity', 'data-id': e.id},
      h('p', {class: 'muted'}, h('a', {href: '#/'}, '← storylines')),
      h('h1', {}, e.name),
      h('p', {class: 'muted'}, `${e.id} · ${e.type} · in ${e.article_count} article${e.article_count === 1 ? '' : 's'}`),
      h('h2', {}, 'Names'),
      h('div', {id: 'variants'}, e.variants.map((v) => h('span', {class: 'chip variant'}, `${v.text} (${v.count})`))),
      e.roles.length ? [h('h2', {}, 'Roles'), h('ul', {class: 'plain', id: 'roles'}, e.roles.map((r) =>
        h('li', {}, h('span', {class: 'date'}, r.date || 'undated'), r.text || r.role,
          h('span', {class: 'muted'}, ` · ${r.role}${r.country ? ' · ' + r.country : ''}`))))] : null,
      h('h2', {}, `Appearances (${e.articles.length})`),
      h('ul', {class: 'plain', id: 'appearances'}, e.articles.map((a) => {
        const s = storyOf.get(a.id);
        return h('li', {class: 'appearance', 'data-id': a.id},
          h('span', {class: 'date'}, a.published || 'undated'),
          s ? h('a', {href: '#/storyline/' + encodeURIComponent(s)}, a.title || a.id) : (a.title || a.id),
          h('span', {class: 'muted'}, ` · ${a.mentions} mention${a.mentions === 1 ? '' : 's'}`));
      })),
      h('h2', {}, `Quotes (${quotes.length})`),
      h('div', {id: 'entity-quotes'}, quotes.map((q) => h('blockquote', {class: q.direct ? 'quote direct' : 'quote reported'},
        q.text)))));
  }

  // --- Routing ---

  async function route() {
    const hash = location.hash.replace(/^#/, '') || '/';
    const [path, query] = hash.split('?');
    const params = new URLSearchParams(query || '');
    const m = path.match(/^\/(storyline|entity)\/(.+)$/);
    try {
      if (m && m[1] === 'storyline') await storyline(decodeURIComponent(m[2]));
      else if (m && m[1] === 'entity') await entity(decodeURIComponent(m[2]));
      else await home(params);
      document.body.dataset.ready = hash;  // for tests: this route has rendered
    } catch (err) {
      fail(err);
      document.body.dataset.ready = hash;
    }
  }

  document.getElementById('search').addEventListener('submit', (evt) => {
    evt.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(evt.target)) if (v) params.set(k, v);
    location.hash = '#/?' + params;
  });
  window.addEventListener('hashchange', route);
  route();
})();
