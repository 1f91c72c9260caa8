// lagebild story page: a click on a fact (summary sentence, dot, figure, claim, timeline entry) opens its article
// in the reader panel with the evidence marked. Offsets are Unicode code points, as in the data: each paragraph
// carries its code point offset (data-start) and is split with Array.from, which walks code points.
(function () {
  'use strict';
  var reader = document.getElementById('reader');
  if (!reader) return;
  var docs = new Map();
  reader.querySelectorAll('.doc').forEach(function (d) { docs.set(d.dataset.article, d); });
  var active = null;

  function num(v) { var n = parseInt(v, 10); return isNaN(n) ? null : n; }

  // Removes earlier marks: writing textContent back leaves one plain text node.
  function clear(doc) {
    doc.querySelectorAll('p').forEach(function (p) {
      if (p.firstElementChild) p.textContent = p.textContent;
    });
  }

  // Replaces the paragraph's text by: before, <mark class="hl">evidence (with the stressed part in <strong>)</mark>, after.
  function markParagraph(p, s, e, es, ee) {
    var p0 = num(p.dataset.start);
    var chars = Array.from(p.textContent);
    var a = Math.max(s, p0), b = Math.min(e, p0 + chars.length);
    if (a >= b) return null;
    var part = function (x, y) { return chars.slice(x - p0, y - p0).join(''); };
    var mark = document.createElement('mark');
    mark.className = 'hl';
    if (es !== null && ee !== null && es < ee && es < b && ee > a) {
      var x = Math.max(es, a), y = Math.min(ee, b);
      var strong = document.createElement('strong');
      strong.textContent = part(x, y);
      mark.append(part(a, x), strong, part(y, b));
    } else {
      mark.textContent = part(a, b);
    }
    p.textContent = '';
    p.append(part(p0, a), mark, part(b, p0 + chars.length));
    return mark;
  }

  function open(el) {
    var doc = docs.get(el.dataset.article);
    if (!doc) return;
    docs.forEach(function (d) { d.hidden = d !== doc; clear(d); });
    reader.classList.add('open');
    var empty = reader.querySelector('.reader-empty');
    if (empty) empty.hidden = true;
    if (active) active.classList.remove('active');
    active = el;
    el.classList.add('active');
    var s = num(el.dataset.start), e = num(el.dataset.end);
    var first = null;
    if (s !== null && e !== null) {
      var es = num(el.dataset.emStart), ee = num(el.dataset.emEnd);
      doc.querySelectorAll('p').forEach(function (p) {
        var m = markParagraph(p, s, e, es, ee);
        if (m && !first) first = m;
      });
    }
    if (first) {
      first.scrollIntoView({ block: 'center' });
    } else {
      reader.scrollTop = 0;
    }
  }

  function target(ev) {
    var t = ev.target;
    return t && t.closest ? t.closest('.fact, .open-article') : null;
  }

  document.addEventListener('click', function (ev) {
    var el = target(ev);
    if (el) { ev.preventDefault(); open(el); }
  });
  document.addEventListener('keydown', function (ev) {
    if (ev.key !== 'Enter' && ev.key !== ' ') return;
    var el = target(ev);
    if (el && el.classList.contains('fact')) { ev.preventDefault(); open(el); }
  });
  // Hovering a figure links it with its twin: the dot in the plot and the item in the sources columns.
  function twins(el) {
    if (!el.dataset.emStart) return [];
    return Array.from(document.querySelectorAll('.fact[data-em-start="' + el.dataset.emStart + '"]')).filter(function (x) {
      return x !== el && x.dataset.article === el.dataset.article && x.dataset.emEnd === el.dataset.emEnd;
    });
  }
  ['mouseover', 'mouseout'].forEach(function (type) {
    document.addEventListener(type, function (ev) {
      var el = target(ev);
      if (!el || !el.classList.contains('fact')) return;
      twins(el).forEach(function (t) { t.classList.toggle('linked', type === 'mouseover'); });
    });
  });

  var close = document.createElement('button');
  close.type = 'button';
  close.className = 'reader-close';
  close.setAttribute('aria-label', 'Close article');
  close.textContent = '×';
  close.addEventListener('click', function () {
    reader.classList.remove('open');
    docs.forEach(function (d) { d.hidden = true; clear(d); });
    var empty = reader.querySelector('.reader-empty');
    if (empty) empty.hidden = false;
    if (active) { active.classList.remove('active'); active = null; }
  });
  reader.prepend(close);
})();
