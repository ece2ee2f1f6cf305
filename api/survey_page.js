(function () {
  'use strict';
  var form = document.getElementById('survey');
  if (!form || !window.fetch || !window.JSON) return;
  var questions = [].slice.call(form.querySelectorAll('.q'));
  var button = document.getElementById('submit');
  var formErr = document.getElementById('err-form');

  // The answer a question holds now, or undefined when it has none.
  function answerOf(q) {
    var kind = q.getAttribute('data-kind');
    if (kind === 'text') {
      var t = q.querySelector('textarea').value.trim();
      return t === '' ? undefined : t;
    }
    var xs = [].filter.call(q.querySelectorAll('input'), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
    if (!xs.length) return undefined;
    if (kind === 'multiple') return xs;
    return kind === 'single' ? xs[0] : Number(xs[0]);
  }

  // Shows the questions whose condition holds, in order (a condition names
  // an earlier question), and returns the answers of those shown.
  function update() {
    var answers = {};
    questions.forEach(function (q) {
      var dep = q.getAttribute('data-show-if');
      var on = !dep || (Object.prototype.hasOwnProperty.call(answers, dep) &&
        answers[dep] === JSON.parse(q.getAttribute('data-equals')));
      q.hidden = !on;
      if (!on) return;
      var v = answerOf(q);
      if (v !== undefined) answers[q.getAttribute('data-code')] = v;
    });
    return answers;
  }

  function clearErrors() {
    formErr.textContent = '';
    questions.forEach(function (q) {
      q.classList.remove('bad');
      document.getElementById('err-' + q.getAttribute('data-code')).textContent = '';
    });
  }

  function fail(message) {
    formErr.textContent = message;
  }

  // Answering a question clears its error message.
  function answered(e) {
    var q = e.target.closest && e.target.closest('.q');
    if (q && answerOf(q) !== undefined) {
      q.classList.remove('bad');
      document.getElementById('err-' + q.getAttribute('data-code')).textContent = '';
    }
    update();
  }

  form.addEventListener('change', answered);
  form.addEventListener('input', answered);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearErrors();
    var answers = update();
    button.disabled = true;
    fetch(form.getAttribute('data-endpoint'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ answers: answers }),
      credentials: 'omit'
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        return { status: r.status, error: (body && body.error) || {} };
      });
    }).then(function (res) {
      if (res.status === 201) {
        form.hidden = true;
        var done = document.getElementById('done');
        done.hidden = false;
        done.focus();
        window.scrollTo(0, 0);
        return;
      }
      if (res.status === 422 && res.error.fields) {
        var first = null;
        Object.keys(res.error.fields).forEach(function (code) {
          var el = document.getElementById('err-' + code);
          var q = document.getElementById('q-' + code);
          if (el && q) {
            el.textContent = res.error.fields[code];
            q.classList.add('bad');
            if (!first) first = q;
          } else {
            fail(res.error.fields[code]);
          }
        });
        if (!formErr.textContent) fail('有题目需要修改，请查看标红的题目。');
        if (first) first.scrollIntoView({ behavior: 'smooth', block: 'center' });
      } else if (res.status === 429) {
        fail('提交过于频繁，请稍后再试。');
      } else if (res.status === 410) {
        fail('本问卷已结束，感谢您的关注。');
      } else if (res.status === 404) {
        fail('问卷不存在或尚未发布。');
      } else {
        fail(res.error.message || '提交失败，请稍后重试。');
      }
    }, function () {
      fail('网络连接失败，请检查网络后重试。');
    }).then(function () {
      button.disabled = false;
    });
  });
  update();
})();
