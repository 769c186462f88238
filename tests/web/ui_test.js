#!/usr/bin/env node
// The web UI in a real browser: Debian's chromium, headless, driven by
// playwright-core (web/package.json). Registered in CTest by
// tests/web/CMakeLists.txt.
//
//   node tests/web/ui_test.js --dossier build/dossier --assets build/web \
//     --samples samples --node-modules web/node_modules --chromium /usr/bin/chromium \
//     --out build/test-output/web [--storyline S3]
//
// Ingests the samples into a fresh store, starts `dossier serve --port 0`
// with the assets, and checks on the storyline holding the most events:
// that the five samples are one storyline, its events in date order on
// the page (list and timeline), the actor
// whose names include "Mustafa al-Kadhimi" with his other names (and his
// entity page), a quote by Macron, and the conflict over the date of
// Soleimani's killing. Every check runs and is reported even when an
// earlier one failed. The page may load nothing from outside the server.
// Screenshots go to --out. Exit 0 pass, 1 fail, 77 skipped (what is missing
// is printed).
'use strict';

const {spawn, spawnSync} = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');

function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const k of ['dossier', 'assets', 'samples', 'node-modules', 'chromium', 'out']) {
    if (!out[k]) {
      console.error(`missing --${k}`);
      process.exit(2);
    }
  }
  return out;
}

function skip(reason) {
  console.log(`SKIPPED: ${reason}`);
  process.exit(77);
}

const failures = [];
function check(ok, what, detail) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${!ok && detail !== undefined ? ': ' + detail : ''}`);
  if (!ok) failures.push(what);
  return ok;
}

// Starts the server; resolves with {child, base} once it printed its port.
function serve(dossier, db, assets) {
  return new Promise((resolve, reject) => {
    const child = spawn(dossier, ['--db', db, 'serve', '--port', '0', '--threads', '4', '--assets', assets],
                        {stdio: ['ignore', 'pipe', 'inherit']});
    const timer = setTimeout(() => reject(new Error('the server printed no port within 120 s')), 120000);
    child.on('exit', (code) => reject(new Error(`dossier serve exited with ${code}`)));
    readline.createInterface({input: child.stdout}).once('line', (line) => {
      clearTimeout(timer);
      const m = line.match(/^listening on (http:\/\/127\.0\.0\.1:\d+)$/);
      if (!m) return reject(new Error(`unexpected first line: ${line}`));
      resolve({child, base: m[1]});
    });
  });
}

async function getJson(base, p) {
  const r = await fetch(base + p);
  if (!r.ok) throw new Error(`${p}: ${r.status} ${await r.text()}`);
  return r.json();
}

async function main() {
  const a = args();
  if (!fs.existsSync(a.chromium)) skip(`${a.chromium} is missing (apt-get install chromium)`);
  const playwrightDir = path.resolve(a['node-modules'], 'playwright-core');
  if (!fs.existsSync(playwrightDir)) skip(`${playwrightDir} is missing (run npm ci in web/)`);
  for (const vendor of ['vis-timeline-graph2d.min.js', 'cytoscape.min.js']) {
    if (!fs.existsSync(path.join(a.assets, 'vendor', vendor))) {
      skip(`${a.assets}/vendor/${vendor} is missing (npm ci in web/, then rebuild)`);
    }
  }
  const {chromium} = require(playwrightDir);

  fs.rmSync(a.out, {recursive: true, force: true});
  fs.mkdirSync(a.out, {recursive: true});
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-web-ui-'));
  const db = path.join(tmp, 'store.db');
  let server = null;
  let context = null;
  try {
    const ingest = spawnSync(a.dossier, ['--db', db, 'ingest', a.samples], {stdio: ['ignore', 'ignore', 'inherit']});
    if (ingest.status !== 0) throw new Error(`dossier ingest exited with ${ingest.status}`);
    server = await serve(a.dossier, db, a.assets);
    const base = server.base;

    // The storyline holding the most events, as the API has it.
    const storylines = (await getJson(base, '/api/storylines?limit=200')).items;
    check(storylines.length > 0, 'the store holds storylines');
    // --storyline ID looks at another one (by hand, to see the other checks).
    const top = a.storyline ? storylines.find((s) => s.id === a.storyline)
                            : storylines.reduce((best, s) => (!best || s.events.length > best.events.length ? s : best), null);
    if (!top) throw new Error(`no storyline ${a.storyline}`);

    context = await chromium.launchPersistentContext(path.join(tmp, 'profile'), {
      executablePath: a.chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: {width: 1280, height: 900},
    });
    const page = context.pages()[0] || await context.newPage();
    const pageErrors = [];
    const outside = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('console', (msg) => { if (msg.type() === 'error') pageErrors.push(msg.text()); });
    // Offline: any request that does not go to the server fails the test.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base + '/') || url.startsWith('data:')) return route.continue();
      outside.push(url);
      return route.abort();
    });
    const ready = (hash) => page.waitForFunction((h) => document.body.dataset.ready === h, hash, {timeout: 60000});

    // Home: the storylines, and a search with a filter.
    await page.goto(base + '/');
    await ready('/');
    const listed = await page.locator('#storylines li.storyline').count();
    check(listed === storylines.length, 'the home page lists every storyline', `${listed} of ${storylines.length}`);
    await page.screenshot({path: path.join(a.out, 'home.png'), fullPage: true});
    await page.fill('#search input[name=q]', 'Macron');
    await page.selectOption('#search select[name=lang]', 'en');
    await page.click('#search button[type=submit]');
    await ready('/?q=Macron&lang=en');
    const hits = await page.locator('#hits li.hit').count();
    check(hits > 0, 'a search for Macron in English finds articles', hits);
    await page.screenshot({path: path.join(a.out, 'search.png'), fullPage: true});

    // The storyline page.
    await page.goto(`${base}/#/storyline/${encodeURIComponent(top.id)}`);
    await ready(`/storyline/${encodeURIComponent(top.id)}`);
    await page.waitForTimeout(500);  // let the timeline and the network lay out
    await page.screenshot({path: path.join(a.out, 'storyline.png'), fullPage: true});

    const events = await page.$$eval('#events li.event', (els) =>
      els.map((e) => ({id: e.dataset.id, date: e.dataset.date, estimated: e.dataset.estimated,
                       shown: e.querySelector('.date').textContent})));
    // The five samples are one storyline of five events (issues 5 and 7):
    // five outlets, five happenings.
    check(storylines.length === 1 && top.articles === 5, 'the five samples are one storyline',
          `${storylines.length} storylines; ${top.id} has ${top.articles} articles`);
    check(events.length === 5 && top.events.length === 5,
          'the storyline page shows the five events of the storyline',
          `${events.length} on the page, ${top.events.length} in ${top.id}`);
    check(events.every((e) => (e.estimated === 'true') === e.shown.endsWith('(estimated)')),
          'a date estimated from the text is marked so', JSON.stringify(events.map((e) => e.shown)));
    const dates = events.map((e) => e.date);
    check(dates.every((d) => d !== ''), 'every event is dated', JSON.stringify(dates));
    check(dates.every((d, i) => i === 0 || dates[i - 1] <= d), 'the events are in date order', JSON.stringify(dates));
    check(JSON.stringify(events.map((e) => e.id).sort()) === JSON.stringify(top.events.slice().sort()),
          'the page shows exactly the storyline\'s events', JSON.stringify(events.map((e) => e.id)));
    const drawn = await page.locator('#timeline .vis-item.vis-box.event').count();
    check(drawn === events.length, 'the interactive timeline draws every event', `${drawn} of ${events.length}`);
    check(await page.locator('#network canvas').count() > 0, 'the actor network is drawn (cytoscape)');

    // The actor with his names.
    const actors = await page.$$eval('#actors li.actor', (els) => els.map((e) => ({
      id: e.dataset.id,
      name: e.querySelector('a').textContent,
      variants: [...e.querySelectorAll('.variant')].map((v) => v.textContent),
    })));
    const kadhimi = actors.find((x) => x.variants.includes('Mustafa al-Kadhimi'));
    if (check(!!kadhimi, 'an actor has the variant Mustafa al-Kadhimi', JSON.stringify(actors.map((x) => x.name)))) {
      check(kadhimi.variants.length >= 2, 'his other names are shown', JSON.stringify(kadhimi.variants));
    }

    // A quote by Macron.
    const speakers = await page.$$eval('#quotes .speaker', (els) =>
      els.map((e) => ({who: e.dataset.speaker, quotes: e.querySelectorAll('blockquote').length})));
    const macron = speakers.find((s) => /Macron/.test(s.who));
    check(!!macron && macron.quotes > 0, 'a quote by Macron is shown', JSON.stringify(speakers.map((s) => s.who)));

    // The conflict: Soleimani's killing dated differently by two sources.
    const conflicts = await page.$$eval('#conflicts .card.conflict', (els) => els.map((e) => ({
      text: e.textContent,
      values: [...e.querySelectorAll('mark.conflict')].map((m) => m.textContent),
    })));
    const soleimani = conflicts.find((c) => /Soleimani/.test(c.text));
    if (check(!!soleimani, 'the conflict over Soleimani is highlighted', JSON.stringify(conflicts.map((c) => c.text.slice(0, 80))))) {
      check(new Set(soleimani.values).size >= 2, 'the conflict shows the differing dates', JSON.stringify(soleimani.values));
    }
    const sources = await page.locator('#sources li.article').count();
    check(sources > 0, 'the sources are listed by outlet and language', sources);

    // The entity page: his names and where he appears.
    if (kadhimi) {
      await page.click(`#actors li.actor[data-id="${kadhimi.id}"] a`);
      await ready(`/entity/${kadhimi.id}`);
      await page.screenshot({path: path.join(a.out, 'entity.png'), fullPage: true});
      const variants = await page.$$eval('#variants .variant', (els) => els.map((e) => e.textContent));
      check(variants.some((v) => v.startsWith('Mustafa al-Kadhimi')), 'the entity page lists his variants', JSON.stringify(variants));
      const appearances = await page.locator('#appearances li.appearance').count();
      check(appearances > 0, 'the entity page lists his appearances', appearances);
    }

    check(pageErrors.length === 0, 'no script error in the page', JSON.stringify(pageErrors));
    check(outside.length === 0, 'the page loads nothing from outside the server', JSON.stringify(outside));
    console.log(`screenshots in ${a.out}`);
  } finally {
    if (context) await context.close().catch(() => {});
    if (server) {
      server.child.removeAllListeners('exit');
      server.child.kill('SIGTERM');
    }
    fs.rmSync(tmp, {recursive: true, force: true});
  }
  if (failures.length) {
    console.log(`${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log('all checks passed');
}

main().catch((err) => {
  console.error(err.stack || String(err));
  process.exit(1);
});
