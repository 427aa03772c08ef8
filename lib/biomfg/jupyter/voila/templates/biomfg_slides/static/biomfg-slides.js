/* Slides that fit the screen and stay legible (issue 16), for the biomfg_slides template.

   reveal.js lays every slide out at 1280x720 px and scales the whole slide to the screen (x1.44 on a
   1920x1080 projector, x0.96 on 1280x720), so everything here is in slide pixels and does not depend
   on the screen. Once the charts are drawn (and again when a chart redraws or the language changes),
   each slide is fitted:
   - the body text is 24 px (x1.44: 35 px on a 1920x1080 screen); on a slide that would not fit it
     steps down to 21 px, where the smallest text (0.8 em) is still 24 px on that screen;
   - a chart is scaled from the size Vega drew it to the room the slide leaves, keeping its
     proportions (at most x1.5): below the heading and sentences, or beside them when that gives it
     more room (a tall chart); its smallest text should stay at least 12.6 px (18 px on the screen);
   - nothing is ever left taller or wider than the slide.
   Then reveal.js is asked to lay the slides out again (it centres each one by its height).

   The result is visible to tests: <html data-biomfg-fitted="true"> once every slide is fitted, "false"
   while a fit is pending. */
(function () {
  'use strict';

  var FONT_STEPS = [24, 22.5, 21];  // body text, slide px; the last keeps 0.8 em at 24 screen px
  var LAST_RESORT = [20, 19, 18, 17, 16];  // only for a slide that would otherwise overflow
  var CHART_TEXT = 12.6;  // smallest chart text, slide px: 18 px on a 1920x1080 screen
  var GROW = 1.5;  // a chart is drawn at most this much larger than Vega drew it
  var GOOD = 1.0;  // a chart at its own size reads well: no need to put it beside the text
  var TEXT_SHARE = 0.3;  // beside a chart, the text keeps at least this share of the slide's width

  var fontCache = new WeakMap();

  function slides() {
    return Array.prototype.slice.call(document.querySelectorAll('.reveal .slides > section > section'));
  }

  // the slide's size as reveal.js is configured (the template sets it before reveal.js starts)
  function slideSize() {
    var deck = document.querySelector('.reveal .slides');
    return [Number(window.reveal_width) || (deck && deck.offsetWidth) || 1280,
            Number(window.reveal_height) || (deck && deck.offsetHeight) || 720];
  }

  // shown in the slide: nothing between it and the slide is display:none (the other language's part)
  function shown(el, sec) {
    for (var e = el; e && e !== sec; e = e.parentElement) {
      if (getComputedStyle(e).display === 'none') return false;
    }
    return true;
  }

  function chartOf(part) {
    var svg = part.querySelector('.vega-embed svg.marks');
    return svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width ? svg : null;
  }

  // the smallest text Vega drew in this chart, in its own pixels
  function smallestText(svg) {
    var texts = svg.querySelectorAll('text');
    var cached = fontCache.get(svg);
    if (cached && cached.n === texts.length) return cached.px;
    var px = Infinity;
    for (var i = 0; i < texts.length; i++) {
      if (!texts[i].textContent.trim()) continue;
      var size = parseFloat(getComputedStyle(texts[i]).fontSize);
      if (size > 0 && size < px) px = size;
    }
    fontCache.set(svg, {n: texts.length, px: px});
    return px;
  }

  function scaleCharts(svgs, k) {
    svgs.forEach(function (svg) {
      var box = svg.viewBox.baseVal;
      svg.style.width = (box.width * k).toFixed(1) + 'px';
      svg.style.height = (box.height * k).toFixed(1) + 'px';
    });
  }

  function innerWidth(sec) {
    var s = getComputedStyle(sec);
    return sec.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  }

  function fits(sec, size) {
    return sec.offsetHeight <= size[1] && sec.scrollWidth <= size[0] + 1;
  }

  // charts below the text: the room left under it
  function stacked(sec, charts, svgs, size) {
    sec.classList.remove('biomfg-side');
    charts.forEach(function (c) { c.style.gridRow = ''; });
    svgs.forEach(function (s) { s.style.display = 'none'; });
    var rest = sec.offsetHeight;
    svgs.forEach(function (s) { s.style.display = ''; });
    var w0 = Math.max.apply(null, svgs.map(function (s) { return s.viewBox.baseVal.width; }));
    var h0 = svgs.reduce(function (a, s) { return a + s.viewBox.baseVal.height; }, 0);
    var k = Math.max(0.05, Math.min(GROW, innerWidth(sec) / w0, (size[1] - rest) / h0));
    for (var n = 0; n < 12; n++) {  // a chart's wrapper may add a few pixels: shrink until it fits
      scaleCharts(svgs, k);
      if (fits(sec, size)) break;
      k *= 0.97;
    }
    return k;
  }

  // one chart beside the text (text left, chart right): the largest that still lets the text fit
  function beside(sec, charts, svgs, texts, size) {
    if (charts.length !== 1 || !texts.length) return 0;
    sec.classList.add('biomfg-side');
    charts[0].style.gridRow = '1 / span ' + texts.length;
    var box = svgs[0].viewBox.baseVal;
    var lo = 0.05;
    var hi = Math.min(GROW, innerWidth(sec) * (1 - TEXT_SHARE) / box.width);
    var ok = function (k) { scaleCharts(svgs, k); return fits(sec, size); };
    if (hi <= lo || !ok(lo)) return 0;
    if (ok(hi)) return hi;
    for (var n = 0; n < 9; n++) {
      var mid = (lo + hi) / 2;
      if (ok(mid)) lo = mid; else hi = mid;
    }
    ok(lo);
    return lo;
  }

  function fit(sec) {
    var size = slideSize();
    var parts = Array.prototype.slice.call(sec.querySelectorAll('.jp-OutputArea-child'))
      .filter(function (p) { return shown(p, sec); });
    var charts = parts.filter(chartOf);
    var texts = parts.filter(function (p) { return !chartOf(p); });
    var svgs = charts.map(chartOf);
    var setFont = function (px) { sec.style.setProperty('--biomfg-slide-font', px + 'px'); };
    sec.classList.remove('biomfg-side');
    if (!svgs.length) {
      var steps = FONT_STEPS.concat(LAST_RESORT);
      for (var i = 0; i < steps.length; i++) {
        setFont(steps[i]);
        if (fits(sec, size)) return;
      }
      return;
    }
    var legible = Math.max.apply(null, svgs.map(function (s) { return CHART_TEXT / smallestText(s); }));
    var best = null;
    for (var j = 0; j < FONT_STEPS.length; j++) {
      setFont(FONT_STEPS[j]);
      var kS = stacked(sec, charts, svgs, size);
      var kB = beside(sec, charts, svgs, texts, size);
      var side = Math.min(kB, GOOD) > Math.min(kS, GOOD);
      var k = side ? kB : kS;
      if (!best || k > best.k + 1e-3) best = {font: FONT_STEPS[j], side: side, k: k};
      if (k >= legible) break;
    }
    setFont(best.font);
    if (best.side) beside(sec, charts, svgs, texts, size); else stacked(sec, charts, svgs, size);
    sec.dataset.biomfgChartScale = best.k.toFixed(3);
  }

  // a slide far from the current one is display:none; it is laid out, invisibly, while it is fitted
  function whileShown(sec, fn) {
    var outer = sec.parentElement;
    var saved = [outer.style.display, outer.style.visibility, sec.style.display];
    if (getComputedStyle(outer).display === 'none') {
      outer.style.display = 'block';
      outer.style.visibility = 'hidden';
    }
    if (getComputedStyle(sec).display === 'none') sec.style.display = 'block';
    try {
      fn();
    } finally {
      outer.style.display = saved[0];
      outer.style.visibility = saved[1];
      sec.style.display = saved[2];
    }
  }

  var timer = null;

  function fitAll() {
    timer = null;
    slides().forEach(function (sec) {
      whileShown(sec, function () { fit(sec); });
    });
    document.documentElement.dataset.biomfgFitted = 'true';
    window.dispatchEvent(new Event('resize'));  // reveal.js centres each slide by its new height
  }

  function schedule() {
    document.documentElement.dataset.biomfgFitted = 'false';
    if (timer) clearTimeout(timer);
    timer = setTimeout(fitAll, 30);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var deck = document.querySelector('.reveal .slides');
    if (!deck) return;
    // charts are drawn after the page has loaded, and redrawn when a control changes them
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        if (records[i].type === 'childList' || records[i].target.tagName === 'svg') return schedule();
      }
    }).observe(deck, {childList: true, subtree: true, attributes: true, attributeFilter: ['viewBox']});
    document.addEventListener('biomfg-lang', schedule);  // the language switch (live.j2) shows other parts
    if (document.fonts && document.fonts.ready) document.fonts.ready.then(schedule);
    schedule();
  });
})();
