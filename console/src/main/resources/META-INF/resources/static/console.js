// A boosted link or form whose session has ended: the console answers 499 (OIDC's "sign in again")
// instead of a redirect to Keycloak, which htmx's XMLHttpRequest could not follow across origins
// (the link would look dead). The browser then goes there itself, and the sign-in happens as usual.
document.addEventListener("htmx:afterRequest", function (event) {
  var xhr = event.detail.xhr;
  if (xhr && xhr.status === 499) {
    var get = (event.detail.requestConfig && event.detail.requestConfig.verb) === "get";
    if (get && event.detail.pathInfo && event.detail.pathInfo.requestPath) {
      window.location.assign(event.detail.pathInfo.requestPath);
    } else {
      window.location.reload();
    }
  }
});
