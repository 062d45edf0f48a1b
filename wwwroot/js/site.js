// Progressive enhancement only: the site works fully without this file.
(function () {
    "use strict";
    // Print buttons are hidden without JavaScript (browsers' own print works there).
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
})();

// Forms with errors: move focus to the error summary so screen readers announce it (GOV.UK pattern).
(function () {
    "use strict";
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
})();

// Filter forms marked data-autosubmit apply a choice as soon as it is made (the button still works without JS).
(function () {
    "use strict";
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
        form.querySelectorAll("select").forEach(function (select) {
            select.addEventListener("change", function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
        });
    });
})();

// Registration form: warn five minutes before an unsent form expires (the page already states the time).
(function () {
    "use strict";
    var note = document.querySelector("[data-expires-at]");
    var warning = document.querySelector("[data-expiry-warning]");
    if (!note || !warning) { return; }
    var expires = Date.parse(note.getAttribute("data-expires-at"));
    if (isNaN(expires)) { return; }
    var delay = expires - Date.now() - 5 * 60 * 1000;
    window.setTimeout(function () { warning.hidden = false; }, Math.max(delay, 0));
})();
