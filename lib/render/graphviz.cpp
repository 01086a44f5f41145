// Graphviz: one shared context; DOT text read in name order, laid out by dot (in a forked child
// when the time is bounded, retried with simpler arrows when routing fails), rendered to memory.
#include "journey/render/graphviz.h"

#include "journey/model/duration.h"
#include "journey/model/text.h"
#include "journey/render/edge_labels.h"
#include "journey/render/overlay.h"
#include "journey/render/print_sheets.h"
#include "journey/render/sheets.h"

#include <algorithm>
#include <cairo.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <gvc.h>
#include <mutex>
#include <poll.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_map>
#include <vector>

namespace journey {
namespace {

std::string &messages() {
  static std::string text;
  return text;
}

int collect_message(char *text) {
  messages() += text;
  return 0;
}

/// The process-wide Graphviz context: plugins are loaded once, and freed at exit.
class Context {
public:
  Context() {
    agseterr(AGWARN);
    agseterrf(collect_message);
    gvc_ = gvContext();
  }
  ~Context() {
    if (gvc_ != nullptr) {
      gvFreeContext(gvc_);
    }
  }
  Context(const Context &) = delete;
  Context &operator=(const Context &) = delete;
  GVC_t *get() const { return gvc_; }

private:
  GVC_t *gvc_ = nullptr;
};

// Object ids in the order names first appear. cgraph's default discipline uses the address of
// each interned name as its id, and keeps subgraphs sorted by id: cluster order (and with it the
// SVG, and possibly the layout) would then depend on the state of the heap, so the same graph
// could render differently the second time in one process.
struct NameIds {
  std::unordered_map<std::string, IDTYPE> ids;
  std::vector<std::string> names; ///< the name of id 2 * (i + 1) is names[i]
  IDTYPE next_anonymous = 1;      ///< odd ids for anonymous objects (edges, `{...}`)
};

void *ids_open(Agraph_t *, Agdisc_t *) {
  return new NameIds;
}

long ids_map(void *state, int, char *name, IDTYPE *id, int create) {
  auto *s = static_cast<NameIds *>(state);
  if (name == nullptr) {
    *id = s->next_anonymous;
    s->next_anonymous += 2;
    return 1;
  }
  auto it = s->ids.find(name);
  if (it != s->ids.end()) {
    *id = it->second;
    return 1;
  }
  if (create == 0) {
    *id = 0; // a name never seen: no object has id 0, so the lookup fails
    return 1;
  }
  s->names.emplace_back(name);
  *id = 2 * static_cast<IDTYPE>(s->names.size());
  s->ids.emplace(s->names.back(), *id);
  return 1;
}

long ids_alloc(void *, int, IDTYPE) {
  return 0;
}

void ids_free(void *, int, IDTYPE) {}

char *ids_print(void *state, int, IDTYPE id) {
  auto *s = static_cast<NameIds *>(state);
  if (id == 0 || id % 2 != 0 || id / 2 > s->names.size()) {
    return nullptr;
  }
  return s->names[static_cast<std::size_t>(id / 2 - 1)].data();
}

void ids_close(void *state) {
  delete static_cast<NameIds *>(state);
}

void ids_register(void *, int, void *) {}

Agiddisc_t name_id_discipline = {ids_open,  ids_map,   ids_alloc,   ids_free,
                                 ids_print, ids_close, ids_register};

/// DOT text read from memory in chunks.
struct Reader {
  const std::string *text;
  std::size_t position = 0;
};

int reader_read(void *channel, char *buffer, int size) {
  auto *r = static_cast<Reader *>(channel);
  std::size_t n = std::min(static_cast<std::size_t>(size), r->text->size() - r->position);
  std::memcpy(buffer, r->text->data() + r->position, n);
  r->position += n;
  return static_cast<int>(n);
}

/// Parses DOT text with the name-ordered id discipline.
Agraph_t *read_graph(const std::string &text) {
  static Agiodisc_t io = {reader_read, AgIoDisc.putstr, AgIoDisc.flush};
  static Agdisc_t discipline = {&AgMemDisc, &name_id_discipline, &io};
  Reader reader{&text, 0};
  return agread(&reader, &discipline);
}

std::mutex &graphviz_mutex() {
  static std::mutex mutex;
  return mutex;
}

Context &context() {
  static Context instance;
  return instance;
}

/// Closes a graph (and frees its layout) however the render ends.
class GraphGuard {
public:
  GraphGuard(GVC_t *gvc, Agraph_t *graph) : gvc_(gvc), graph_(graph) {}
  ~GraphGuard() {
    if (laid_out_) {
      gvFreeLayout(gvc_, graph_);
    }
    agclose(graph_);
  }
  GraphGuard(const GraphGuard &) = delete;
  GraphGuard &operator=(const GraphGuard &) = delete;
  void laid_out() { laid_out_ = true; }
  void not_laid_out() { laid_out_ = false; }

private:
  GVC_t *gvc_;
  Agraph_t *graph_;
  bool laid_out_ = false;
};

/// The spline modes tried in order: as the graph asks, then straight lines, which Graphviz 2.42
/// draws where curves fail ("Pshortestpath failed", "lost edge") or crash.
// Polylines route through the same code as curves and failed on every corpus journey that curves
// failed on; `curved` looped for minutes on a 43-step inside-out view. Neither is tried.
constexpr const char *spline_modes[] = {"", "line"};
constexpr const char *spline_words[] = {"curves", "straight lines"};
constexpr int mode_count = 2;

/// Above this many nodes and edges, the network simplex that places nodes side by side is bounded
/// (`nslimit`): unbounded, it took most of the 15 s of a 400-step compare view, and more than 30 s
/// of a 213-step outside-in view (191 nodes, 262 edges); bounded, about 2 s.
constexpr int large_graph = 300;
constexpr const char *large_graph_nslimit = "2";

/// The outcome of one drawing, as passed from the child back to the parent.
struct Outcome {
  bool ok = false;
  bool retry = false; ///< failed in a way another spline mode may avoid
  std::string error;
  Drawing drawing;
};

/// Graphviz's collected messages, one sentence a line, with its `Error:`/`Warning:` tags removed.
std::vector<std::string> take_messages() {
  std::vector<std::string> lines;
  std::string_view rest = messages();
  while (!rest.empty()) {
    std::size_t end = rest.find('\n');
    std::string_view line = trim(rest.substr(0, end), " \t\r");
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    for (std::string_view tag : {"Error:", "Warning:"}) {
      if (line.starts_with(tag)) {
        line = trim(line.substr(tag.size()), " \t");
      }
    }
    if (!line.empty() && (lines.empty() || lines.back() != line)) {
      lines.push_back(clean_text(line));
    }
  }
  messages().clear();
  agreseterrors();
  return lines;
}

std::string joined(const std::vector<std::string> &lines) {
  return lines.empty() ? std::string{} : ": " + join(lines, "; ");
}

bool lost_edges(const std::vector<std::string> &lines) {
  return std::ranges::any_of(lines, [](const std::string &line) {
    return line.find("lost ") != std::string::npos || line.find("Pshortestpath") != std::string::npos ||
           line.find("spline") != std::string::npos || line.find("routesplines") != std::string::npos;
  });
}

/// The smallest font size the DOT text asks for (`fontsize=` and HTML `POINT-SIZE=`).
double smallest_font(std::string_view dot) {
  double smallest = 14; // Graphviz's default
  for (std::string_view key : {"fontsize=\"", "POINT-SIZE=\""}) {
    for (std::size_t at = dot.find(key); at != std::string_view::npos; at = dot.find(key, at + 1)) {
      const std::size_t start = at + key.size();
      const std::size_t end = dot.find('"', start);
      if (end == std::string_view::npos) {
        break;
      }
      const std::string value(dot.substr(start, end - start));
      char *stop = nullptr;
      const double size = std::strtod(value.c_str(), &stop);
      if (stop != value.c_str() && size > 0) {
        smallest = std::min(smallest, size);
      }
    }
  }
  return smallest;
}

double graph_pad_points(Agraph_t *graph) {
  const char *pad = agget(graph, const_cast<char *>("pad"));
  const double inches = pad != nullptr && *pad != '\0' ? std::strtod(pad, nullptr) : 0.0555;
  return inches * 72;
}

/// Where the nodes and edge labels of a laid-out graph landed.
LayoutBoxes read_boxes(Agraph_t *graph) {
  LayoutBoxes boxes;
  auto label_box = [](const textlabel_t *label, std::string what) {
    return LayoutBox{std::move(what), label->pos.x, label->pos.y, label->dimen.x, label->dimen.y};
  };
  for (Agnode_t *n = agfstnode(graph); n != nullptr; n = agnxtnode(graph, n)) {
    const char *style = agget(n, const_cast<char *>("style"));
    const char *shape = agget(n, const_cast<char *>("shape"));
    const bool invisible = (style != nullptr && std::strstr(style, "invis") != nullptr) ||
                           (shape != nullptr && std::strcmp(shape, "point") == 0 &&
                            ND_width(n) * 72 < 2);
    const char *classes = agget(n, const_cast<char *>("class"));
    const bool text_of_edge =
        classes != nullptr && std::string_view(classes).starts_with(edge_label_class);
    if (!invisible) {
      (text_of_edge ? boxes.edge_labels : boxes.nodes)
          .push_back(LayoutBox{agnameof(n), ND_coord(n).x, ND_coord(n).y, ND_width(n) * 72,
                               ND_height(n) * 72});
    }
    for (Agedge_t *e = agfstout(graph, n); e != nullptr; e = agnxtout(graph, e)) {
      const std::string what =
          std::string("edge ") + agnameof(agtail(e)) + " -> " + agnameof(aghead(e));
      for (const textlabel_t *label : {ED_label(e), ED_head_label(e), ED_tail_label(e), ED_xlabel(e)}) {
        if (label != nullptr && label->set) {
          boxes.edge_labels.push_back(label_box(label, what));
        }
      }
    }
  }
  return boxes;
}

/// What a laid-out graph draws where, at `scale` paper points per layout point, for the sheet
/// planner: nodes and labels as boxes; arrows (a box per curve piece) and cluster frames as marks.
PrintContent print_content(Agraph_t *graph, double scale) {
  const boxf bb = GD_bb(graph);
  const double pad = graph_pad_points(graph);
  const double left = bb.LL.x - pad;
  const double top = bb.UR.y + pad;
  auto rect = [&](double x0, double y0, double x1, double y1) {
    return PrintRect{(x0 - left) * scale, (top - y1) * scale, (x1 - left) * scale, (top - y0) * scale};
  };
  auto centred = [&](const LayoutBox &b) {
    return rect(b.x - b.width / 2, b.y - b.height / 2, b.x + b.width / 2, b.y + b.height / 2);
  };
  PrintContent content;
  const LayoutBoxes boxes = read_boxes(graph);
  for (const auto *list : {&boxes.nodes, &boxes.edge_labels}) {
    for (const LayoutBox &b : *list) {
      content.boxes.push_back(centred(b));
    }
  }
  // Clusters, from the root down, without recursion: their labels are text, their frames marks.
  std::vector<Agraph_t *> clusters{graph};
  while (!clusters.empty()) {
    Agraph_t *g = clusters.back();
    clusters.pop_back();
    if (const textlabel_t *label = GD_label(g); label != nullptr && label->set) {
      content.boxes.push_back(
          centred(LayoutBox{{}, label->pos.x, label->pos.y, label->dimen.x, label->dimen.y}));
    }
    if (g != graph) {
      const boxf c = GD_bb(g);
      content.marks.push_back(rect(c.LL.x, c.LL.y, c.UR.x, c.LL.y));
      content.marks.push_back(rect(c.LL.x, c.UR.y, c.UR.x, c.UR.y));
      content.marks.push_back(rect(c.LL.x, c.LL.y, c.LL.x, c.UR.y));
      content.marks.push_back(rect(c.UR.x, c.LL.y, c.UR.x, c.UR.y));
    }
    for (int i = 1; i <= GD_n_cluster(g); ++i) {
      clusters.push_back(GD_clust(g)[i]);
    }
  }
  for (Agnode_t *n = agfstnode(graph); n != nullptr; n = agnxtnode(graph, n)) {
    for (Agedge_t *e = agfstout(graph, n); e != nullptr; e = agnxtout(graph, e)) {
      const splines *spl = ED_spl(e);
      for (int i = 0; spl != nullptr && i < spl->size; ++i) {
        const bezier &bz = spl->list[i];
        if (bz.size == 0) {
          continue;
        }
        // A box per curve piece (four control points, the ends shared), which holds the piece.
        for (int j = 0; j < std::max(1, bz.size - 1); j += 3) {
          double x0 = bz.list[j].x, x1 = x0, y0 = bz.list[j].y, y1 = y0;
          for (int k = j; k < std::min(j + 4, bz.size); ++k) {
            x0 = std::min(x0, bz.list[k].x);
            x1 = std::max(x1, bz.list[k].x);
            y0 = std::min(y0, bz.list[k].y);
            y1 = std::max(y1, bz.list[k].y);
          }
          content.marks.push_back(rect(x0, y0, x1, y1));
        }
        for (const auto &[flag, point] : {std::pair{bz.sflag, bz.sp}, std::pair{bz.eflag, bz.ep}}) {
          if (flag != 0) {
            content.marks.push_back(rect(point.x - 5, point.y - 5, point.x + 5, point.y + 5));
          }
        }
      }
    }
  }
  return content;
}

/// Prints a laid-out graph too large for one legible sheet as a PDF of sheets, at the drawing's
/// scale (see `plan_sheets`, `print_sheets`).
bool print_split(GVC_t *gvc, Agraph_t *graph, const PageSetup &page, Outcome &outcome) {
  const double scale = outcome.drawing.scale;
  const boxf bb = GD_bb(graph);
  const double pad = graph_pad_points(graph);
  const PointSize size{(bb.UR.x - bb.LL.x + 2 * pad) * scale, (bb.UR.y - bb.LL.y + 2 * pad) * scale};
  const SheetPlan plan = plan_sheets(size, printable_area(page), print_content(graph, scale));
  // Each sheet is a `viewport` of the graph (width, height, zoom, centre), so Graphviz draws only
  // what is on it, with no margin of its own: the viewport's top left is at the origin.
  agsafeset(graph, const_cast<char *>("margin"), const_cast<char *>("0"), const_cast<char *>(""));
  const double left = bb.LL.x - pad;
  const double top = bb.UR.y + pad;
  const DrawOnCairo draw = [&](void *cairo, const PrintRect &part) {
    const double width = (part.right - part.left) / scale;
    const double height = (part.bottom - part.top) / scale;
    const std::string viewport =
        std::to_string(width) + "," + std::to_string(height) + ",1," +
        std::to_string(left + part.left / scale + width / 2) + "," +
        std::to_string(top - part.top / scale - height / 2);
    agsafeset(graph, const_cast<char *>("viewport"), const_cast<char *>(viewport.c_str()),
              const_cast<char *>(""));
    cairo_scale(static_cast<cairo_t *>(cairo), scale, scale);
    return gvRenderContext(gvc, graph, "pdf:cairo", cairo) == 0;
  };
  Expected<std::string> pdf = print_sheets(plan, page, page.title, draw);
  if (!pdf) {
    outcome.error = "cannot print the sheets: " + pdf.error();
    return false;
  }
  outcome.drawing.data = std::move(*pdf);
  outcome.drawing.sheets = static_cast<int>(plan.sheets.size());
  return true;
}

/// How a laid-out graph goes on the sheet (see `fit_page`): a `size` attribute (inches) that
/// scales it, empty at full size; and, when it fits one sheet, a `pad` that centres it on a
/// canvas of the sheet's size, so a PDF page (and a PNG) is the sheet itself.
struct SheetAttributes {
  std::string size;
  std::string pad;
  double base_pad = 0; ///< the graph's own pad, points
};

/// The `pad` (inches) that centres the laid-out graph on the sheet at `scale`: Graphviz scales
/// the drawing and its pad together to fit `size`, so the padded drawing is the sheet at this
/// scale, and `size` the sheet.
std::string centring_pad(Agraph_t *graph, const PageSetup &page, double scale, double pad) {
  const boxf bb = GD_bb(graph);
  const PointSize paper = paper_size(page);
  const double x = std::max(pad, (paper.width / scale - (bb.UR.x - bb.LL.x)) / 2);
  const double y = std::max(pad, (paper.height / scale - (bb.UR.y - bb.LL.y)) / 2);
  return std::to_string(x / 72) + "," + std::to_string(y / 72);
}

SheetAttributes fit_to_page(Agraph_t *graph, const PageSetup &page, Drawing &drawing) {
  const boxf bb = GD_bb(graph);
  const double pad = graph_pad_points(graph);
  const PointSize size{bb.UR.x - bb.LL.x + 2 * pad, bb.UR.y - bb.LL.y + 2 * pad};
  const PageFit fit = fit_page(size, drawing.smallest_text_pt, page);
  drawing.scale = fit.scale;
  drawing.pages = fit.pages;
  SheetAttributes sheet;
  sheet.base_pad = pad;
  if (fit.pages == 1) {
    const PointSize paper = paper_size(page);
    sheet.pad = centring_pad(graph, page, fit.scale, pad);
    if (fit.scale < 1) {
      sheet.size = std::to_string(paper.width / 72) + "," + std::to_string(paper.height / 72);
    }
  } else if (fit.scale < 1) {
    sheet.size = std::to_string(size.width * fit.scale / 72) + "," +
                 std::to_string(size.height * fit.scale / 72);
  }
  return sheet;
}

/// Lays out and renders with one spline mode, in this process.
Outcome draw_once(GVC_t *gvc, const std::string &text, Format format,
                  const std::optional<PageSetup> &page, int mode) {
  Outcome outcome;
  messages().clear();
  agreseterrors();
  Agraph_t *graph = read_graph(text);
  if (graph == nullptr) {
    outcome.error = "Graphviz cannot read the graph" + joined(take_messages());
    return outcome;
  }
  GraphGuard guard(gvc, graph);
  if (agnnodes(graph) + agnedges(graph) > large_graph) {
    agsafeset(graph, const_cast<char *>("nslimit"), const_cast<char *>(large_graph_nslimit),
              const_cast<char *>(""));
  }
  if (mode > 0) {
    agattr(graph, AGRAPH, const_cast<char *>("splines"), const_cast<char *>(spline_modes[mode]));
    agsafeset(graph, const_cast<char *>("splines"), const_cast<char *>(spline_modes[mode]),
              const_cast<char *>(""));
  }
  const int laid_out = gvLayout(gvc, graph, "dot");
  if (laid_out == 0) {
    guard.laid_out();
  }
  std::vector<std::string> said = take_messages();
  if (laid_out != 0 || agerrors() >= AGERR || lost_edges(said)) {
    outcome.retry = true;
    outcome.error = "Graphviz cannot lay out the graph" + joined(said);
    return outcome;
  }
  draw_overlay(graph);
  outcome.drawing.smallest_text_pt = smallest_font(text);
  bool split = false;
  if (page) {
    // `size` is read when the layout starts, so a graph that must shrink is laid out again.
    SheetAttributes sheet = fit_to_page(graph, *page, outcome.drawing);
    outcome.drawing.smallest_text_pt *= outcome.drawing.scale;
    split = format == Format::Pdf && outcome.drawing.pages > 1;
    if (!split && (!sheet.size.empty() || !sheet.pad.empty())) {
      gvFreeLayout(gvc, graph);
      if (!sheet.size.empty()) {
        agsafeset(graph, const_cast<char *>("size"), sheet.size.data(), const_cast<char *>(""));
      }
      if (!sheet.pad.empty()) {
        agsafeset(graph, const_cast<char *>("pad"), sheet.pad.data(), const_cast<char *>(""));
        // Paged formats (PDF) add a margin of their own to the page unless told not to.
        agsafeset(graph, const_cast<char *>("margin"), const_cast<char *>("0"),
                  const_cast<char *>(""));
      }
      if (gvLayout(gvc, graph, "dot") != 0) {
        guard.not_laid_out();
        outcome.error = "Graphviz cannot lay out the graph" + joined(take_messages());
        return outcome;
      }
      take_messages();
      draw_overlay(graph);
      if (!sheet.pad.empty()) {
        // The layout can come out a little smaller under `size`; the pad (read when rendering)
        // centres what was laid out, so the page stays the sheet.
        const std::string pad = centring_pad(graph, *page, outcome.drawing.scale, sheet.base_pad);
        agsafeset(graph, const_cast<char *>("pad"), const_cast<char *>(pad.c_str()),
                  const_cast<char *>(""));
      }
    }
  }
  const std::string name(to_string(format));
  if (split) {
    const bool printed = print_split(gvc, graph, *page, outcome);
    std::vector<std::string> more = take_messages();
    said.insert(said.end(), more.begin(), more.end());
    if (!printed || agerrors() >= AGERR) {
      outcome.error = outcome.error.empty() ? "Graphviz cannot render " + name + joined(said)
                                            : outcome.error;
      return outcome;
    }
  } else {
    char *data = nullptr;
    unsigned int length = 0;
    const int rendered = gvRenderData(gvc, graph, name.c_str(), &data, &length);
    std::vector<std::string> more = take_messages();
    said.insert(said.end(), more.begin(), more.end());
    if (rendered != 0 || data == nullptr || agerrors() >= AGERR) {
      if (data != nullptr) {
        gvFreeRenderData(data);
      }
      outcome.error = "Graphviz cannot render " + name + joined(said);
      return outcome;
    }
    outcome.drawing.data.assign(data, length);
    gvFreeRenderData(data);
  }
  outcome.ok = true;
  outcome.drawing.splines = spline_modes[mode];
  if (mode > 0) {
    outcome.drawing.notes.push_back(
        std::string("Graphviz could not route every arrow as a curve here; the arrows are drawn as ") +
        spline_words[mode]);
  }
  for (const std::string &line : said) {
    outcome.drawing.notes.push_back("Graphviz: " + line);
  }
  return outcome;
}

// The child's answer on the pipe: a byte 'a' + mode as each attempt starts (so a crash tells the
// parent which mode to skip), then 'R' and the outcome's fields.
void put_string(std::string &out, std::string_view s) {
  const std::uint64_t n = s.size();
  out.append(reinterpret_cast<const char *>(&n), sizeof n);
  out.append(s);
}

template <typename T> void put_value(std::string &out, T value) {
  out.append(reinterpret_cast<const char *>(&value), sizeof value);
}

struct Cursor {
  std::string_view rest;
  bool ok = true;

  template <typename T> T value() {
    T v{};
    if (rest.size() < sizeof v) {
      ok = false;
      return v;
    }
    std::memcpy(&v, rest.data(), sizeof v);
    rest.remove_prefix(sizeof v);
    return v;
  }
  std::string string() {
    const auto n = value<std::uint64_t>();
    if (!ok || rest.size() < n) {
      ok = false;
      return {};
    }
    std::string s(rest.substr(0, n));
    rest.remove_prefix(n);
    return s;
  }
};

std::string encode(const Outcome &o) {
  std::string out = "R";
  put_value<std::uint8_t>(out, o.ok ? 1 : 0);
  put_string(out, o.error);
  put_string(out, o.drawing.data);
  put_value<std::uint64_t>(out, o.drawing.notes.size());
  for (const std::string &note : o.drawing.notes) {
    put_string(out, note);
  }
  put_value(out, o.drawing.scale);
  put_value(out, o.drawing.smallest_text_pt);
  put_value<std::int32_t>(out, o.drawing.pages);
  put_value<std::int32_t>(out, o.drawing.sheets);
  put_string(out, o.drawing.splines);
  return out;
}

std::optional<Outcome> decode(std::string_view frame) {
  Cursor in{frame};
  Outcome o;
  o.ok = in.value<std::uint8_t>() != 0;
  o.error = in.string();
  o.drawing.data = in.string();
  const auto notes = in.value<std::uint64_t>();
  for (std::uint64_t i = 0; in.ok && i < notes; ++i) {
    o.drawing.notes.push_back(in.string());
  }
  o.drawing.scale = in.value<double>();
  o.drawing.smallest_text_pt = in.value<double>();
  o.drawing.pages = in.value<std::int32_t>();
  o.drawing.sheets = in.value<std::int32_t>();
  o.drawing.splines = in.string();
  if (!in.ok || !in.rest.empty()) {
    return std::nullopt;
  }
  return o;
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

/// Sends what Graphviz writes straight to stderr (some of its messages bypass its error
/// function) to a temporary file while it lives, so nothing raw reaches the terminal.
class StderrCapture {
public:
  StderrCapture() {
    std::fflush(stderr);
    file_ = std::tmpfile();
    saved_ = file_ == nullptr ? -1 : ::dup(STDERR_FILENO);
    if (saved_ >= 0) {
      ::dup2(::fileno(file_), STDERR_FILENO);
    }
  }
  ~StderrCapture() {
    std::fflush(stderr);
    if (saved_ >= 0) {
      ::dup2(saved_, STDERR_FILENO);
      ::close(saved_);
    }
    if (file_ != nullptr) {
      std::fclose(file_);
    }
  }
  StderrCapture(const StderrCapture &) = delete;
  StderrCapture &operator=(const StderrCapture &) = delete;

  /// Forgets what was written so far.
  void clear() {
    std::fflush(stderr);
    if (saved_ >= 0) {
      static_cast<void>(::ftruncate(STDERR_FILENO, 0));
      ::lseek(STDERR_FILENO, 0, SEEK_SET);
    }
  }
  /// Adds what was written, a note per line, to the drawing's notes (each note once).
  void add_notes(Drawing &drawing) {
    std::fflush(stderr);
    if (saved_ < 0) {
      return;
    }
    std::string raw;
    char buffer[4096];
    ssize_t n = 0;
    for (off_t at = 0; (n = ::pread(STDERR_FILENO, buffer, sizeof buffer, at)) > 0; at += n) {
      raw.append(buffer, static_cast<std::size_t>(n));
    }
    messages() = raw;
    for (std::string &line : take_messages()) {
      const std::string note = "Graphviz: " + line;
      if (std::ranges::find(drawing.notes, note) == drawing.notes.end()) {
        drawing.notes.push_back(note);
      }
    }
  }

private:
  std::FILE *file_ = nullptr;
  int saved_ = -1;
};

/// Tries the spline modes from `first` on until one draws, writing a byte 'a' + mode to
/// `progress` (when not -1) as each starts; Graphviz's stderr output of the last attempt becomes
/// notes.
Outcome draw_modes(GVC_t *gvc, const std::string &text, Format format,
                   const std::optional<PageSetup> &page, int first, int progress) {
  Outcome outcome;
  StderrCapture captured;
  for (int mode = first; mode < mode_count; ++mode) {
    if (progress >= 0) {
      const char started = static_cast<char>('a' + mode);
      write_all(progress, std::string_view(&started, 1));
    }
    captured.clear();
    outcome = draw_once(gvc, text, format, page, mode);
    if (outcome.ok || !outcome.retry) {
      break;
    }
  }
  captured.add_notes(outcome.drawing);
  return outcome;
}

/// The child: draws, writing progress and the outcome to `fd`.
[[noreturn]] void child_main(int fd, GVC_t *gvc, const std::string &text, Format format,
                             const std::optional<PageSetup> &page, int first,
                             std::chrono::milliseconds timeout) {
  // Processor time is the bound (a busy machine does not make a layout fail); SIGXCPU ends it.
  const auto seconds = static_cast<rlim_t>((timeout.count() + 999) / 1000);
  const rlimit cpu{seconds, seconds + 1};
  ::setrlimit(RLIMIT_CPU, &cpu);
  const Outcome outcome = draw_modes(gvc, text, format, page, first, fd);
  write_all(fd, encode(outcome));
  ::_exit(0);
}

/// The error of a layout stopped at its bound: the bound as the option is written, a larger one
/// to try, and the caller's advice.
std::string timeout_error(const LayoutOptions &options) {
  const auto larger = std::max<long long>(120'000, (4 * options.timeout.count() + 59'999) / 60'000 * 60'000);
  std::string text = "the layout took longer than the " + format_layout_timeout(options.timeout) +
                     " allowed (--layout-timeout): allow more time (--layout-timeout " +
                     format_layout_timeout(std::chrono::milliseconds(larger)) + ")";
  return options.advice.empty() ? text : text + ", " + options.advice;
}

/// Draws in forked children, at most `timeout` in all; a child that crashes is replaced by one
/// starting at the next spline mode.
Expected<Drawing> draw_bounded(GVC_t *gvc, const std::string &text, Format format,
                               const LayoutOptions &options) {
  using Clock = std::chrono::steady_clock;
  // The clock bound only catches a child that waits instead of computing, or a machine so busy
  // that the layout gets a tenth of a processor.
  const Clock::time_point deadline = Clock::now() + 10 * options.timeout;
  std::string crashed;
  for (int first = 0; first < mode_count;) {
    int fds[2];
    if (::pipe(fds) != 0) {
      return failure(std::string("cannot start the layout: ") + std::strerror(errno));
    }
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
      ::close(fds[0]);
      ::close(fds[1]);
      return failure(std::string("cannot start the layout: ") + std::strerror(errno));
    }
    if (pid == 0) {
      ::close(fds[0]);
      child_main(fds[1], gvc, text, format, options.page, first, options.timeout);
    }
    ::close(fds[1]);
    std::string received;
    bool timed_out = false;
    char buffer[65536];
    for (;;) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) {
        timed_out = true;
        break;
      }
      pollfd p{fds[0], POLLIN, 0};
      const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left, 1 << 30)));
      if (ready < 0 && errno == EINTR) {
        continue;
      }
      if (ready <= 0) {
        continue; // the deadline is checked at the top
      }
      const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        break;
      }
      received.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    if (timed_out) {
      ::kill(pid, SIGKILL);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timed_out || (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)) {
      return failure(timeout_error(options));
    }
    int current = first;
    std::size_t at = 0;
    while (at < received.size() && received[at] >= 'a' && received[at] < 'a' + mode_count) {
      current = received[at] - 'a';
      ++at;
    }
    if (at < received.size() && received[at] == 'R') {
      std::optional<Outcome> outcome = decode(std::string_view(received).substr(at + 1));
      if (outcome && outcome->ok) {
        if (!crashed.empty()) {
          outcome->drawing.notes.insert(outcome->drawing.notes.begin(), crashed);
        }
        return std::move(outcome->drawing);
      }
      if (outcome) {
        return failure(outcome->error);
      }
    }
    crashed = WIFSIGNALED(status)
                  ? "Graphviz crashed (signal " + std::to_string(WTERMSIG(status)) +
                        ") while routing the arrows; they are drawn more simply"
                  : "Graphviz stopped while routing the arrows; they are drawn more simply";
    first = current + 1;
  }
  return failure("Graphviz crashed on every way of routing the arrows" +
                 (options.advice.empty() ? std::string{} : ": " + options.advice));
}

} // namespace

Expected<Drawing> draw_dot(std::string_view dot, Format format, const LayoutOptions &options) {
  if (format == Format::Dot) {
    Drawing drawing;
    drawing.data = dot;
    return drawing;
  }
  std::lock_guard lock(graphviz_mutex());
  GVC_t *gvc = context().get();
  if (gvc == nullptr) {
    return failure("cannot start Graphviz");
  }
  const std::string text(dot);
  if (options.timeout.count() > 0) {
    return draw_bounded(gvc, text, format, options);
  }
  Outcome outcome = draw_modes(gvc, text, format, options.page, 0, -1);
  if (!outcome.ok) {
    return failure(outcome.error);
  }
  return std::move(outcome.drawing);
}

std::string format_layout_timeout(std::chrono::milliseconds bound) {
  const long long ms = bound.count();
  if (ms % 60'000 == 0 && ms > 0) {
    return std::to_string(ms / 60'000) + "m";
  }
  if (ms % 1000 == 0) {
    return std::to_string(ms / 1000) + "s";
  }
  return format_decimal(static_cast<double>(ms) / 1000, 3) + "s";
}

Expected<std::chrono::milliseconds> parse_layout_timeout(std::string_view text) {
  const Expected<Seconds> seconds = parse_duration(text);
  if (!seconds) {
    return failure(seconds.error() + " (e.g. 30s, 2m, or 0 for no bound)");
  }
  if (*seconds < 0) {
    return failure("must not be negative (e.g. 30s, 2m, or 0 for no bound)");
  }
  return std::chrono::milliseconds(static_cast<long long>(*seconds * 1000));
}

std::string render_dot(std::string_view dot, Format format) {
  Expected<Drawing> drawing = draw_dot(dot, format, LayoutOptions{.timeout{}, .page{}, .advice{}});
  if (!drawing) {
    throw RenderError(drawing.error());
  }
  return std::move(drawing->data);
}

Expected<LayoutBoxes> layout_boxes(std::string_view dot) {
  std::lock_guard lock(graphviz_mutex());
  GVC_t *gvc = context().get();
  if (gvc == nullptr) {
    return failure("cannot start Graphviz");
  }
  messages().clear();
  agreseterrors();
  const std::string text(dot);
  Agraph_t *graph = read_graph(text);
  if (graph == nullptr) {
    return failure("Graphviz cannot read the graph" + joined(take_messages()));
  }
  GraphGuard guard(gvc, graph);
  if (gvLayout(gvc, graph, "dot") != 0) {
    return failure("Graphviz cannot lay out the graph" + joined(take_messages()));
  }
  guard.laid_out();
  take_messages();
  return read_boxes(graph);
}

std::string graphviz_version() {
  std::lock_guard lock(graphviz_mutex());
  GVC_t *gvc = context().get();
  const char *version = gvc == nullptr ? nullptr : gvcVersion(gvc);
  return version != nullptr ? version : "";
}

} // namespace journey
