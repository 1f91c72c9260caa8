// Real-browser test of the lagebild web pages: Debian chromium driven by playwright-core against a running
// `lagebild serve`. Usage: node web-tests/browser.mjs http://127.0.0.1:PORT
//
// It finds the seeds' story (the one with a soldier figure group; without seeds, the story with the most
// figure-group members), opens its page, checks the dot plot against the API's data, hovers a dot, clicks facts
// and checks that the marked evidence is exactly the code point span of the article text the API returns, uses
// the search box, checks that `<script>` in a title and a body stays text (when the escape-test article was
// ingested), and saves a full-page screenshot (SCREENSHOT, default target/screenshots/story.png).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const base = (process.argv[2] || '').replace(/\/$/, '');
const screenshot = process.env.SCREENSHOT || 'target/screenshots/story.png';
const expectSeeds = process.env.EXPECT_SEEDS === '1';
const escapeTitle = 'Pinguin-Nachwuchs in Quellbrunn';
const SOLDIER = /^(soldat|soldier|troop|truppe)/i;

class Failure extends Error {}
function check(cond, message) {
  if (!cond) throw new Failure(message);
}
function log(message) {
  console.log(`  ok  ${message}`);
}

async function api(path) {
  const res = await fetch(base + path);
  check(res.ok, `GET ${path}: HTTP ${res.status}`);
  return res.json();
}

const articles = new Map();
async function article(id) {
  if (!articles.has(id)) {
    const a = findArticle(await api(`/api/articles/${encodeURIComponent(id)}`), 3);
    check(a, `GET /api/articles/${id}: no article with a text field`);
    articles.set(id, { text: a.text, figures: a.figures ?? [] });
  }
  return articles.get(id);
}

// The analysed article in a response: the object itself or one nested in it (`{"article": {...}}`).
function findArticle(obj, depth) {
  if (!obj || typeof obj !== 'object') return null;
  if (typeof obj.text === 'string' && Array.isArray(obj.figures)) return obj;
  if (depth === 0) return null;
  for (const v of Object.values(obj)) {
    const found = findArticle(v, depth - 1);
    if (found) return found;
  }
  return null;
}

// Code points, as the data counts them (Array.from walks code points, not UTF-16 units).
function slice(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

/** Waits until the server has analysed every stored article (`pending` in /healthz, when it reports one). */
async function waitReady() {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const health = await fetch(`${base}/healthz`).then((r) => (r.ok ? r.json().catch(() => ({})) : null), () => null);
    if (health && !(health.pending > 0)) return health;
    check(Date.now() < deadline, `not ready after 180 s: /healthz ${JSON.stringify(health)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Polls the search API until `word` finds something (the index may trail the analysis a little). */
async function waitSearchable(word) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const got = await api(`/api/search?q=${encodeURIComponent(word)}`);
    const hits = Array.isArray(got) ? got : got.hits ?? got.results ?? [];
    if (hits.length > 0) return hits.length;
    check(Date.now() < deadline, `GET /api/search?q=${word}: no hits after 30 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The story to look at and the figure group to check. */
async function pickStory() {
  const list = await api('/api/stories?limit=1000');
  const summaries = Array.isArray(list) ? list : list.stories ?? list.items ?? [];
  check(summaries.length > 0, 'GET /api/stories: no stories');
  let best = null;
  let escapeStory = null;
  for (const s of summaries) {
    const got = await api(`/api/stories/${encodeURIComponent(s.id)}`);
    const story = got.story ?? got;
    if ((story.title || '').includes(escapeTitle)) escapeStory = story;
    for (const g of story.figure_groups || []) {
      const soldier = SOLDIER.test(g.thing) ? 1 : 0;
      const score = [soldier, g.members.length];
      if (!best || score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1])) {
        best = { story, group: g, score };
      }
    }
  }
  check(best, 'no story has a figure group');
  check(!expectSeeds || best.score[0] === 1, 'the seeds were ingested but no story has a soldier figure group');
  return { ...best, escapeStory, stories: summaries.length };
}

async function markedText(page) {
  return page.$$eval('#reader mark.hl', (ms) => ms.map((m) => m.textContent).join(''));
}

/** Clicks a fact and checks the reader marks exactly its evidence span, visibly. */
async function clickFact(page, locator, what) {
  await locator.scrollIntoViewIfNeeded();
  const attrs = await locator.evaluate((el) => ({ ...el.dataset }));
  await locator.click();
  const mark = page.locator('#reader mark.hl').first();
  await mark.waitFor({ state: 'visible', timeout: 5000 });
  const { text } = await article(attrs.article);
  const expected = slice(text, +attrs.start, +attrs.end);
  const marked = await markedText(page);
  check(marked === expected, `${what}: marked ${JSON.stringify(marked)}, expected ${JSON.stringify(expected)}`);
  if (attrs.emStart !== undefined) {
    const strong = await page.$$eval('#reader mark.hl strong', (s) => s.map((x) => x.textContent).join(''));
    const want = slice(text, +attrs.emStart, +attrs.emEnd);
    check(strong === want, `${what}: stressed ${JSON.stringify(strong)}, expected ${JSON.stringify(want)}`);
  }
  const inView = await mark.evaluate((m) => {
    const r = m.getBoundingClientRect();
    const p = document.getElementById('reader').getBoundingClientRect();
    return r.height > 0 && r.bottom > Math.max(0, p.top) && r.top < Math.min(innerHeight, p.bottom);
  });
  check(inView, `${what}: the marked evidence is not scrolled into view`);
  log(`${what}: marked ${JSON.stringify(expected.length > 70 ? expected.slice(0, 67) + '…' : expected)}`);
  return attrs;
}

async function run(browser) {
  const health = await waitReady();
  log(`/healthz ${JSON.stringify(health)}`);
  const { story, group, stories, escapeStory } = await pickStory();
  log(`${stories} stories; checking ${story.id} "${story.title}", figure group "${group.label}"`);
  const valued = [];
  for (const m of group.members) {
    const f = (await article(m.article)).figures[m.figure];
    if (f && f.value !== null && f.value !== undefined) valued.push({ m, f });
  }

  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} for ${r.url()}`));
  page.on('dialog', async (d) => {
    errors.push(`a script ran: dialog "${d.message()}"`);
    await d.dismiss();
  });

  // The story list links to the story.
  const home = await page.goto(`${base}/`);
  check(home && home.ok(), `GET /: HTTP ${home && home.status()}`);
  const items = await page.locator('.story-list .story-item').count();
  check(items > 0, 'the story list at / is empty');
  const link = page.locator(`.story-list a[href="/stories/${story.id}"]`);
  check((await link.count()) === 1, `the story list has no link to /stories/${story.id}`);
  await Promise.all([page.waitForURL(`**/stories/${story.id}`), link.click()]);
  log(`story list: ${items} stories, followed the link to ${story.id}`);
  const h1 = (await page.locator('h1').first().textContent()).trim();
  check(h1 === story.title, `page title ${JSON.stringify(h1)}, API title ${JSON.stringify(story.title)}`);

  // The dot plot: one dot per member with a value; each dot's tooltip names its figure.
  const plot = page.locator(`figure.group[data-thing=${JSON.stringify(group.thing)}] svg.dotplot`).first();
  await plot.waitFor({ state: 'visible', timeout: 5000 });
  const dots = plot.locator('circle.dot');
  const n = await dots.count();
  check(n >= 3, `dot plot "${group.label}": ${n} dots, expected at least 3`);
  check(n === valued.length, `dot plot "${group.label}": ${n} dots for ${valued.length} members with a value`);
  const titles = await dots.evaluateAll((ds) => ds.map((d) => d.querySelector('title')?.textContent ?? ''));
  valued.forEach(({ f }, i) => check(titles[i].includes(f.text), `dot ${i}: title ${JSON.stringify(titles[i])} lacks "${f.text}"`));
  log(`dot plot "${group.label}": ${n} dots, disagree=${group.disagree}, ticks ${await plot.locator('.tick-label').count()}`);
  if (group.disagree) {
    check(await page.locator(`figure.group[data-thing=${JSON.stringify(group.thing)}] .badge.disagree`).isVisible(), 'disagree flag not visible');
  }

  const dot = dots.nth(n - 1);
  await dot.hover();
  const hovered = await dot.evaluate((d) => getComputedStyle(d).strokeWidth);
  check(hovered === '3px', `hovered dot is not emphasised (stroke-width ${hovered})`);
  const linked = await page.locator('.sources .fact.linked').count();
  check(linked === 1, `hovering a dot marks ${linked} items in the sources columns, expected its figure`);
  log(`hover: ${JSON.stringify(titles[n - 1].split('\n')[0])}, ${titles[n - 1].split('\n')[1]}; its sources item linked`);

  await clickFact(page, dot, 'click on a dot');

  // Sources side by side: the fact of a member figure marks its sentence, the figure in <strong>.
  const columns = await page.locator('.sources .desk').count();
  check(columns >= 2, `sources side by side: ${columns} columns`);
  const { m, f } = valued[0];
  const fact = page.locator(
    `.sources .fact.figure[data-article=${JSON.stringify(m.article)}][data-em-start="${f.start}"]`,
  );
  check((await fact.count()) === 1, `no fact in .sources for figure "${f.text}" of ${m.article}`);
  const attrs = await clickFact(page, fact, `sources (${columns} columns), fact "${f.text}"`);
  check(attrs.emEnd == f.end, `fact "${f.text}": stress ${attrs.emStart}..${attrs.emEnd}, figure ${f.start}..${f.end}`);
  const claim = page.locator('.sources .fact.claim').first();
  if (await claim.count()) await clickFact(page, claim, 'sources, a claim');
  const sentence = page.locator('.summary .fact').first();
  if (await sentence.count()) {
    const attrs = await clickFact(page, sentence, 'summary sentence');
    const s = story.summary.find((x) => x.article === attrs.article && x.start == attrs.start);
    check(s && slice((await article(s.article)).text, s.start, s.end) === s.text, 'summary sentence differs from its span');
  }
  const timeline = await page.locator('.timeline li').count();
  const entities = await page.locator('.entities tbody tr').count();
  check(timeline === story.timeline.length, `timeline: ${timeline} rows for ${story.timeline.length} entries`);
  check(entities > 0 || story.entities.length === 0, 'no entity rows');
  log(`timeline ${timeline} entries, entities ${entities} rows`);

  // The screenshot: the page from the top, with a figure of the plotted group open in the reader.
  await clickFact(page, fact, 'screenshot state');
  // A viewport as tall as the page, so the sticky reader shows the whole article and its mark.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1440, height });
  await page.locator('#reader mark.hl').first().scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelector('.sources').scrollTop = 0;
  });
  await page.mouse.move(0, 0);
  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  log(`screenshot ${screenshot}`);

  // The search box: a word of the summary finds an article of this story.
  const words = (story.summary[0]?.text || story.title).match(/\p{L}{6,}/gu) || [];
  const word = words.sort((a, b) => b.length - a.length)[0];
  check(word, 'no word to search for');
  await waitSearchable(word);
  await page.locator('input[name=q]').fill(word);
  await Promise.all([page.waitForURL(/[?&]q=/), page.locator('input[name=q]').press('Enter')]);
  const hits = page.locator('.hit-list .hit');
  const count = await hits.count();
  check(count > 0, `search "${word}": no hits`);
  const links = await hits.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  check(links.includes(`/stories/${story.id}`), `search "${word}": no hit links to /stories/${story.id} (${links.join(', ')})`);
  log(`search "${word}": ${count} hits, one in ${story.id}`);

  if (escapeStory) {
    await page.goto(`${base}/stories/${encodeURIComponent(escapeStory.id)}`);
    const h = (await page.locator('h1').first().textContent()).trim();
    check(h === escapeStory.title && h.includes('<script>'), `escape test: title shown as ${JSON.stringify(h)}`);
    const scripts = await page.locator('script').count();
    check(scripts === 1, `escape test: ${scripts} script elements, expected only app.js`);
    const penguins = page.locator('.sources .fact.figure', { hasText: '14 Pinguine' }).first();
    await clickFact(page, penguins, 'escape test: figure after emoji (code points)');
    const strong = await page.$$eval('#reader mark.hl strong', (s) => s.map((x) => x.textContent).join(''));
    check(strong === '14 Pinguine', `escape test: stressed ${JSON.stringify(strong)} after the emoji`);
    const body = await page.locator('#reader .doc:not([hidden])').textContent();
    check(body.includes("<script>alert('body')</script>"), 'escape test: the <script> of the body is not shown as text');
    log('escape test: <script> in title and body shown as text, no script ran');
  } else if (process.env.EXPECT_ESCAPE === '1') {
    check(false, `escape test: no story titled "${escapeTitle}"`);
  }
  check(errors.length === 0, errors.join('; '));
}

if (!base) {
  console.error('usage: node web-tests/browser.mjs http://127.0.0.1:PORT');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
let code = 0;
try {
  await run(browser);
  console.log('browser test passed');
} catch (e) {
  console.error(`browser test FAILED: ${e instanceof Failure ? e.message : e.stack || e}`);
  code = 1;
} finally {
  await browser.close();
}
process.exit(code);
