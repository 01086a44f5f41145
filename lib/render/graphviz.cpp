// Graphviz: one shared context; DOT text read in name order, laid out by dot, rendered to memory.
#include "journey/render/graphviz.h"

#include <algorithm>
#include <cstring>
#include <gvc.h>
#include <mutex>
#include <string>
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
    agseterr(AGERR);
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

private:
  GVC_t *gvc_;
  Agraph_t *graph_;
  bool laid_out_ = false;
};

[[noreturn]] void fail(const std::string &what) {
  std::string text = what;
  if (!messages().empty()) {
    text += ": " + messages();
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
      text.pop_back();
    }
  }
  messages().clear();
  agreseterrors();
  throw RenderError(text);
}

} // namespace

std::string render_dot(std::string_view dot, Format format) {
  if (format == Format::Dot) {
    return std::string(dot);
  }
  std::lock_guard lock(graphviz_mutex());
  GVC_t *gvc = context().get();
  if (gvc == nullptr) {
    fail("cannot start Graphviz");
  }
  messages().clear();
  agreseterrors();
  const std::string text(dot);
  Agraph_t *graph = read_graph(text);
  if (graph == nullptr) {
    fail("Graphviz cannot read the graph");
  }
  GraphGuard guard(gvc, graph);
  if (gvLayout(gvc, graph, "dot") != 0) {
    fail("Graphviz cannot lay out the graph");
  }
  guard.laid_out();
  char *data = nullptr;
  unsigned int length = 0;
  std::string name(to_string(format));
  if (gvRenderData(gvc, graph, name.c_str(), &data, &length) != 0 || data == nullptr) {
    if (data != nullptr) {
      gvFreeRenderData(data);
    }
    fail("Graphviz cannot render " + name);
  }
  std::string out(data, length);
  gvFreeRenderData(data);
  if (agerrors() >= AGERR) {
    fail("Graphviz reported errors");
  }
  messages().clear();
  return out;
}

std::string graphviz_version() {
  std::lock_guard lock(graphviz_mutex());
  GVC_t *gvc = context().get();
  const char *version = gvc == nullptr ? nullptr : gvcVersion(gvc);
  return version != nullptr ? version : "";
}

} // namespace journey
