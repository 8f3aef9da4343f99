(function () {
  'use strict';
  var input = document.getElementById('filter');
  var status = document.getElementById('filter-status');
  var entries = Array.prototype.slice.call(document.querySelectorAll('[data-search]'));
  var total = document.querySelectorAll('section.story').length;
  function apply() {
    var terms = input.value.toLowerCase().split(/\s+/).filter(function (t) { return t !== ''; });
    var shown = 0;
    entries.forEach(function (el) {
      var text = el.getAttribute('data-search');
      var match = terms.every(function (t) { return text.indexOf(t) >= 0; });
      el.hidden = !match;
      if (match && el.tagName === 'SECTION') { shown++; }
    });
    status.textContent = terms.length === 0 ? total + (total === 1 ? ' story' : ' stories')
        : shown + ' of ' + total + (total === 1 ? ' story matches' : ' stories match');
  }
  input.addEventListener('input', apply);
  document.addEventListener('keydown', function (e) {
    if (e.key === '/' && document.activeElement !== input) { e.preventDefault(); input.focus(); }
    if (e.key === 'Escape' && document.activeElement === input) { input.value = ''; apply(); }
  });
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
  document.documentElement.setAttribute('data-script', 'ready');
  apply();
})();
