// Swagger UI below the API reference (templates/api/docs.html), started from a file since the
// Content Security Policy allows no inline script; it replaces django-ninja's own starter.
// Its information block is left out: the page above already gives the API's title and the
// link to the OpenAPI document, and Swagger's <h1> inside the page's "Try the API" section
// broke the order of headings (axe's heading-order rule).
(function () {
  var root = document.getElementById("swagger-ui");
  var config = JSON.parse(document.getElementById("swagger-settings").textContent);
  config.dom_id = "#swagger-ui";
  config.presets = [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset];
  config.plugins = [
    function () {
      return {
        wrapComponents: {
          InfoContainer: function () {
            return function () {
              return null;
            };
          },
        },
      };
    },
  ];
  SwaggerUIBundle(config);
  // What Swagger UI draws after a request lacks two things a keyboard or a screen reader
  // needs: its copy buttons have no name, and its scrolling answer boxes take no focus, so
  // they could not be scrolled from the keyboard. The explorer is in English, like the API.
  new MutationObserver(function () {
    root.querySelectorAll(".copy-to-clipboard button:not([aria-label])").forEach(function (b) {
      b.setAttribute("aria-label", "Copy to clipboard");
    });
    root.querySelectorAll(".highlight-code pre, .curl-command pre").forEach(function (pre) {
      pre.setAttribute("tabindex", "0");
    });
  }).observe(root, { childList: true, subtree: true });
})();
