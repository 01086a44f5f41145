// Assets: the live site's style sheet and page script, fixed text built once.
#include "journey/serve/assets.h"

#include "journey/portfolio/report.h"
#include "journey/portfolio/table_format.h"

#include <string>

namespace journey {
namespace {

constexpr std::string_view kServeCss = R"(body{margin:0}
.bar{position:sticky;top:0;z-index:1;display:flex;flex-wrap:wrap;gap:.6em 1.2em;align-items:center;
padding:.5em 2em;background:#f7f7f7;border-bottom:1px solid #ddd}
.bar a{color:#1f4e79}
.bar nav{display:flex;gap:.4em}
.bar nav a{padding:.15em .6em;border:1px solid #ccc;border-radius:3px;text-decoration:none}
.bar nav a[aria-current="page"]{background:#1f4e79;color:#fff;border-color:#1f4e79}
.bar button{font:inherit;padding:.15em .8em}
.bar .spacer{flex:1}
#connection{color:#888;font-size:.85em}
#connection.offline{color:#c0392b}
main{padding:0 2em 2em}
.state{margin:1em 0;padding:.6em 1em;border-left:6px solid #1e8449;background:#f4fbf6}
.state.broken{border-left-color:#c0392b;background:#fdf1ef}
.state.broken strong{color:#c0392b}
.stale .diagram{opacity:.55;border-style:dashed}
.stale .diagram-note{color:#c0392b;font-weight:600}
.columns{display:flex;flex-wrap:wrap;gap:0 3em}
.columns>section{flex:1 1 28em}
table.journeys td.bad{color:#c0392b;font-weight:600}
table.journeys td.good{color:#1e8449}
body.projector{font-size:150%}
body.projector .bar nav,body.projector .bar a.home{display:none}
body.projector main{padding:0 1em 1em;display:flex;flex-direction:column}
body.projector main>h1{font-size:1.2em;margin:.3em 0 0;order:0}
body.projector .facts{display:none}
body.projector .state{order:1;margin:.3em 0;padding:.3em .8em}
body.projector #diagram{order:2}
body.projector #findings{order:3}
body.projector #figures{order:4}
body.projector .diagram-note{margin:.2em 0}
body.projector .diagram{border:0;padding:0}
body.projector .diagram svg{width:100%;height:auto;max-height:calc(100vh - 4.5em)}
@media print{
.bar{display:none}
body{margin:0;font-size:10pt}
main{padding:0}
.diagram{border:0;padding:0;overflow:visible}
.diagram svg{width:100%;height:auto;max-height:none}
section{break-inside:avoid}
.stale .diagram{opacity:1}
a{color:inherit;text-decoration:none}
}
)";

constexpr std::string_view kServeJs = R"('use strict';
(function () {
  const live = document.getElementById('live');
  const status = document.getElementById('connection');
  const say = (text, offline) => {
    if (status) { status.textContent = text; status.classList.toggle('offline', offline); }
  };
  let shown = live ? live.dataset.version : '0';
  let wanted = shown;
  let fetching = false;

  async function refresh() {
    if (!live || fetching || wanted === shown) { return; }
    fetching = true;
    try {
      const url = new URL(location.href);
      url.searchParams.set('part', 'live');
      const response = await fetch(url, {cache: 'no-store'});
      if (response.ok) {
        const html = await response.text();
        const version = response.headers.get('X-Journey-Version') || wanted;
        live.innerHTML = html;
        live.dataset.version = version;
        shown = version;
      } else if (response.status === 404) {
        say('This journey is no longer served', true);
        wanted = shown;
      }
    } catch (e) {
      say('Reconnecting…', true);
    } finally {
      fetching = false;
    }
    if (wanted !== shown) { setTimeout(refresh, 50); }
  }

  function connect() {
    const source = new EventSource('/events?since=' + encodeURIComponent(shown));
    source.onopen = () => say('Live', false);
    source.addEventListener('change', (event) => {
      wanted = event.data;
      refresh();
    });
    source.onerror = () => {
      say('Reconnecting…', true);
      if (source.readyState === EventSource.CLOSED) { setTimeout(connect, 1000); }
    };
  }
  if (live && window.EventSource) { connect(); }

  const full = document.getElementById('fullscreen');
  if (full) {
    full.addEventListener('click', () => {
      if (document.fullscreenElement) {
        document.exitFullscreen();
      } else if (document.documentElement.requestFullscreen) {
        document.documentElement.requestFullscreen().catch(() => {});
      }
      document.body.classList.toggle('projector', !document.fullscreenElement);
    });
    document.addEventListener('fullscreenchange', () => {
      document.body.classList.toggle('projector', !!document.fullscreenElement);
    });
  }
  const print = document.getElementById('print');
  if (print) { print.addEventListener('click', () => window.print()); }
})();
)";

} // namespace

std::string_view serve_css() {
  static const std::string css =
      std::string(portfolio_css()) + std::string(report_css()) + std::string(kServeCss);
  return css;
}

std::string_view serve_js() {
  return kServeJs;
}

} // namespace journey
