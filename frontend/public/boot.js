// Runs before the first paint (a file, not inline, so the Content-Security-Policy needs no exception):
// applies the saved theme and up/down colours (lib/colour-convention.ts: auto is red up in Korean,
// green up otherwise) and marks the page while it switches to the user's language.
(function () {
  var root = document.documentElement;
  try {
    var theme = localStorage.getItem("tb-theme") || "system";
    var dark = theme === "dark" || (theme === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
    root.classList.toggle("dark", dark);
    var language = localStorage.getItem("tb-language");
    if (language !== "ko" && language !== "en") {
      var preferences = navigator.languages || [navigator.language || "en"];
      language = "en";
      for (var i = 0; i < preferences.length; i++) {
        var base = String(preferences[i]).toLowerCase().split("-")[0];
        if (base === "ko" || base === "en") {
          language = base;
          break;
        }
      }
    }
    root.lang = language;
    var colours = localStorage.getItem("tb-colours");
    if (colours !== "red-up" && colours !== "green-up") colours = language === "ko" ? "red-up" : "green-up";
    root.setAttribute("data-updown", colours);
    if (language !== "en") {
      root.classList.add("i18n-pending");
      setTimeout(function () {
        root.classList.remove("i18n-pending");
      }, 2000);
    }
  } catch {
    root.classList.remove("i18n-pending");
  }
})();
