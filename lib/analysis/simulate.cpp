// Monte Carlo simulation: per-step draw and branch tables, blocks of customers on pcg32 streams,
// log-scale histograms merged exactly.
#include "journey/analysis/simulate.h"

#include "journey/analysis/capacity.h"
#include "journey/analysis/effort.h"
#include "journey/analysis/markov.h"

#include "journey/model/calendar_table.h"
#include "journey/model/step_hours.h"
#include "journey/model/text.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <numbers>
#include <pcg_random.hpp>
#include <thread>

namespace journey {
namespace {

constexpr double kFixedPoint = 1024; ///< sums are kept in 1/1024 s
constexpr double kTwoTo32 = 4294967296.0;

/// A non-negative time of at most 10^15 s in 1/1024 s, to the nearest.
std::uint64_t fixed_point(double seconds) {
  return static_cast<std::uint64_t>(seconds * kFixedPoint + 0.5);
}

/// How to draw one wait or time: a, a + b u (u uniform in (0, 1)), or exp(a + b z) (z normal);
/// for a computed queue (`wait: queue`), with probability b a wait exponential with mean a, else 0
/// (the wait of an M/M/c queue).
struct Draw {
  SpreadShape shape = SpreadShape::Fixed;
  double a = 0;
  double b = 0;
  bool queue = false;
};

/// The wait in a computed queue: Erlang C's share who wait, and the mean wait of those who do.
Draw queue_draw(const ChannelQueue &q) {
  const QueueFigures &f = q.figures;
  if (!f.stable || !(f.p_wait > 0) || !std::isfinite(f.mean_wait)) {
    return {SpreadShape::Fixed, 0, 0};
  }
  return {SpreadShape::Fixed, f.mean_wait / f.p_wait, std::min(f.p_wait, 1.0), true};
}

Draw draw_of(double mean, const std::optional<Spread> &spread) {
  const double fixed = std::isfinite(mean) ? mean : 0.0;
  if (!spread || spread->shape == SpreadShape::Fixed) {
    return {SpreadShape::Fixed, fixed, 0};
  }
  if (spread->shape == SpreadShape::Uniform) {
    return {SpreadShape::Uniform, spread->low, spread->high - spread->low};
  }
  if (!(spread->sigma() > 0)) {
    return {SpreadShape::Fixed, spread->low, 0};
  }
  return {SpreadShape::LogNormal, spread->mu(), spread->sigma()};
}

/// Everything a walk reads, per step, laid out flat.
struct Plan {
  std::vector<Draw> wait;
  std::vector<Draw> time;
  std::vector<std::uint8_t> effort_wait;
  std::vector<std::uint8_t> effort_time;
  std::vector<std::size_t> first{0};   ///< branches of step u: [first[u], first[u + 1])
  std::vector<std::uint64_t> below;    ///< cumulative probability x 2^32, the last one 2^32
  std::vector<std::uint32_t> target;
  std::vector<SimGroup> ends;          ///< for a step with no branch: how the walk ends there
  bool spreads = false;
  // Calendars, when the journey has them (else `step_hours` is all -1 and nobody is held up).
  bool calendars = false;
  ArrivalProfile arrivals;
  std::vector<Calendar> hours;          ///< distinct calendars the steps use
  std::vector<CalendarTable> tables;    ///< the same, minute by minute, for the walk
  std::vector<std::int32_t> step_hours; ///< the calendar a step can start in; -1 none
  std::vector<std::int32_t> work_hours; ///< its team's, else channel's, calendar; -1 none
  std::vector<std::int32_t> work_source; ///< whose that calendar is (index into `sources`)
  /// Open time of a working-time wait in the step's work hours; -1 when not one, or when those
  /// hours are always open (the wait is then its mean, a fixed time).
  std::vector<double> working;
  std::vector<ClosureSource> sources;   ///< the last one is the customer's hours
};

/// Adds `c` to the plan's calendars (once per distinct calendar); its index.
std::int32_t add_calendar(Plan &plan, const Calendar &c) {
  for (std::size_t i = 0; i < plan.hours.size(); ++i) {
    if (plan.hours[i].always() == c.always() &&
        std::equal(plan.hours[i].intervals().begin(), plan.hours[i].intervals().end(),
                   c.intervals().begin(), c.intervals().end(),
                   [](const OpenInterval &a, const OpenInterval &b) {
                     return a.begin == b.begin && a.end == b.end;
                   })) {
      return static_cast<std::int32_t>(i);
    }
  }
  plan.hours.push_back(c);
  return static_cast<std::int32_t>(plan.hours.size() - 1);
}

/// Fills the calendar part of the plan; every step starts at once when the journey has none.
void plan_calendars(const Journey &journey, Plan &plan) {
  const std::size_t n = journey.steps.size();
  plan.step_hours.assign(n, -1);
  plan.work_hours.assign(n, -1);
  plan.work_source.assign(n, -1);
  plan.working.assign(n, -1);
  plan.calendars = uses_calendars(journey);
  if (!plan.calendars) {
    return;
  }
  if (Expected<ArrivalProfile> arrivals = ArrivalProfile::make(journey.arrivals)) {
    plan.arrivals = std::move(*arrivals);
  }
  const Calendar customer = customer_calendar(journey);
  for (std::size_t u = 0; u < n; ++u) {
    const Step &s = journey.steps[u];
    const std::optional<WorkHours> work = work_hours(journey, s);
    std::optional<Calendar> start;
    if (work && !work->calendar.always() && !work->calendar.never()) {
      plan.work_hours[u] = add_calendar(plan, work->calendar);
      const std::string kind = work->owner == HoursOwner::Team ? "team" : "channel";
      const std::string id = work->owner == HoursOwner::Team ? journey.teams[work->index].id
                                                             : journey.channels[work->index].id;
      const auto found = std::find_if(plan.sources.begin(), plan.sources.end(),
                                      [&](const ClosureSource &c) {
                                        return c.kind == kind && c.id == id;
                                      });
      plan.work_source[u] = static_cast<std::int32_t>(found - plan.sources.begin());
      if (found == plan.sources.end()) {
        plan.sources.push_back({kind, id, owner_name(journey, *work)});
      }
      start = work->calendar;
    }
    if (s.wait_working && plan.work_hours[u] >= 0) {
      plan.working[u] = s.wait_working->seconds(work->calendar);
    }
    if (s.actor == Actor::Customer && !customer.always()) {
      start = start ? start->intersect(customer) : customer;
    }
    if (start && !start->never()) {
      plan.step_hours[u] = add_calendar(plan, *start);
    }
  }
  plan.sources.push_back({"customer", "", "the customer's own hours"});
  for (const Calendar &c : plan.hours) {
    plan.tables.emplace_back(c);
  }
}

Plan make_plan(const JourneyGraph &graph, const Queues &queues) {
  const Journey &journey = graph.journey();
  Plan plan;
  for (std::size_t u = 0; u < graph.size(); ++u) {
    const Step &s = graph.step(u);
    plan.wait.push_back(draw_of(s.wait, s.wait_spread));
    if (s.wait_queue) {
      const Channel *channel = journey.channel_of(s);
      const auto q = std::find_if(queues.channels.begin(), queues.channels.end(),
                                  [&](const ChannelQueue &c) {
                                    return channel != nullptr && c.channel == channel->id;
                                  });
      plan.wait.back() = q == queues.channels.end() ? Draw{} : queue_draw(*q);
      plan.spreads = plan.spreads || plan.wait.back().queue;
    }
    plan.time.push_back(draw_of(s.time, s.time_spread));
    plan.spreads = plan.spreads || plan.wait.back().shape != SpreadShape::Fixed ||
                   plan.time.back().shape != SpreadShape::Fixed;
    const EffortParts parts = effort_parts(journey, s);
    plan.effort_wait.push_back(parts.wait ? 1 : 0);
    plan.effort_time.push_back(parts.time ? 1 : 0);
    double total = 0;
    for (const Edge &e : graph.out(u)) {
      if (e.p > 0) {
        total += e.p;
      }
    }
    double cumulative = 0;
    const std::size_t begin = plan.target.size();
    for (const Edge &e : graph.out(u)) {
      if (e.p > 0) {
        cumulative += e.p / total;
        plan.below.push_back(static_cast<std::uint64_t>(std::min(cumulative, 1.0) * kTwoTo32));
        plan.target.push_back(static_cast<std::uint32_t>(e.to));
      }
    }
    if (plan.target.size() > begin) {
      plan.below.back() = std::uint64_t{1} << 32;
    }
    plan.first.push_back(plan.target.size());
    switch (s.end) {
    case EndKind::Success:
      plan.ends.push_back(SimGroup::Success);
      break;
    case EndKind::Abandon:
      plan.ends.push_back(SimGroup::Abandon);
      break;
    case EndKind::Failure:
      plan.ends.push_back(SimGroup::Failure);
      break;
    case EndKind::None:
      plan.ends.push_back(SimGroup::NoEnd);
      break;
    }
  }
  plan_calendars(journey, plan);
  return plan;
}

/// What one thread adds up besides the distributions: closed time and customers per source.
struct ClosureTally {
  std::vector<std::uint64_t> seconds; ///< in 1/1024 s
  std::vector<std::uint64_t> customers;
};

/// What the walk reads about one step, side by side.
struct StepPlan {
  Draw wait;
  Draw time;
  const CalendarTable *start = nullptr; ///< the hours the step can start in; null: any time
  const CalendarTable *work = nullptr;  ///< its team's, else channel's, hours; null: none
  double working = -1;                  ///< as `Plan::working`
  std::size_t work_source = 0;
  std::size_t first = 0; ///< branches: [first, last)
  std::size_t last = 0;
  bool effort_wait = false;
  bool effort_time = false;
  SimGroup end = SimGroup::NoEnd;
};

/// One thread's walker: its random stream and the spare normal of the polar method.
class Walker {
public:
  Walker(const Plan &plan, const SimulationOptions &options) : plan_(plan), options_(options) {
    for (std::size_t u = 0; u < plan.wait.size(); ++u) {
      StepPlan &s = steps_.emplace_back();
      s.wait = plan.wait[u];
      s.time = plan.time[u];
      s.start = plan.step_hours[u] >= 0 ? &plan.tables[plan.step_hours[u]] : nullptr;
      s.work = plan.work_hours[u] >= 0 ? &plan.tables[plan.work_hours[u]] : nullptr;
      s.working = s.work != nullptr ? plan.working[u] : -1;
      s.work_source = plan.work_source[u] >= 0 ? static_cast<std::size_t>(plan.work_source[u])
                                                : plan.sources.size() - 1;
      s.first = plan.first[u];
      s.last = plan.first[u + 1];
      s.effort_wait = plan.effort_wait[u] != 0;
      s.effort_time = plan.effort_time[u] != 0;
      s.end = plan.ends[u];
    }
  }

  void run_block(std::uint64_t block, std::uint64_t customers, std::vector<GroupResult> &out,
                 ClosureTally &tally) {
    rng_ = pcg32(options_.seed, block);
    has_spare_ = false;
    held_.assign(plan_.sources.size(), 0);
    for (std::uint64_t c = 0; c < customers; ++c) {
      walk(out, tally);
    }
  }

private:
  double uniform() { return (static_cast<double>(rng_()) + 0.5) / kTwoTo32; }

  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    // Marsaglia's polar method: a point drawn in the unit disc gives two normals, no sine.
    double x = 0;
    double y = 0;
    double r2 = 0;
    do {
      x = 2 * uniform() - 1;
      y = 2 * uniform() - 1;
      r2 = x * x + y * y;
    } while (r2 >= 1);
    const double scale = std::sqrt(-2 * std::log(r2) / r2);
    spare_ = y * scale;
    has_spare_ = true;
    return x * scale;
  }

  double draw(const Draw &d) {
    if (d.queue) {
      return uniform() < d.b ? -d.a * std::log(1.0 - uniform()) : 0.0;
    }
    switch (d.shape) {
    case SpreadShape::Fixed:
      return d.a;
    case SpreadShape::Uniform:
      return d.a + d.b * uniform();
    case SpreadShape::LogNormal:
      return std::exp(d.a + d.b * normal());
    }
    return d.a;
  }

  void walk(std::vector<GroupResult> &out, ClosureTally &tally) {
    double lead = 0;
    double wait = 0;
    double effort = 0;
    double closed = 0;
    // With calendars, the time of the week the customer starts; lead time counts from it.
    const double start = plan_.calendars ? plan_.arrivals.time_at(uniform()) : 0.0;
    touched_.clear();
    std::size_t u = JourneyGraph::entry;
    SimGroup group = SimGroup::Unfinished;
    const std::uint64_t *below = plan_.below.data();
    const std::uint32_t *target = plan_.target.data();
    const std::size_t customer_source = plan_.sources.size() - 1;
    for (std::uint64_t steps = 0; steps < options_.max_steps; ++steps) {
      const StepPlan &s = steps_[u];
      double w = 0;
      if (s.working >= 0) {
        const double now = start + lead;
        w = s.work->add_working(now, s.working) - now;
      } else {
        w = draw(s.wait);
      }
      const double t = draw(s.time);
      effort += (s.effort_wait ? w : 0.0) + (s.effort_time ? t : 0.0);
      if (s.start != nullptr) {
        const double ready = start + lead + w;
        const double held = s.start->next_open(ready) - ready;
        if (held > 0) {
          // Held up by the work hours when they are the step's hours (or are closed too).
          const std::size_t source =
              s.work != nullptr && (s.work == s.start || !s.work->open_at(ready))
                  ? s.work_source
                  : customer_source;
          if (held_[source] == 0) {
            touched_.push_back(source);
          }
          held_[source] += held;
          closed += held;
          w += held;
        }
      }
      lead += w + t;
      wait += w;
      std::size_t k = s.first;
      if (k == s.last) {
        group = s.end;
        break;
      }
      if (k + 1 < s.last) { // a draw only where there is a choice
        const std::uint64_t r = rng_();
        while (k + 1 < s.last && r >= below[k]) {
          ++k;
        }
      }
      u = target[k];
    }
    for (std::size_t source : touched_) {
      tally.seconds[source] += fixed_point(held_[source]);
      ++tally.customers[source];
      held_[source] = 0;
    }
    // Only the outcome's group: all customers are the merge of the groups, made at the end.
    GroupResult &result = out[static_cast<std::size_t>(group)];
    result.measures[0].add(lead);
    result.measures[1].add(wait);
    result.measures[2].add(effort);
    if (plan_.calendars) {
      result.measures[3].add(closed);
      result.held_up += closed > 0 ? 1 : 0;
    }
  }

  const Plan &plan_;
  const SimulationOptions &options_;
  pcg32 rng_;
  bool has_spare_ = false;
  double spare_ = 0;
  std::vector<double> held_;         ///< per source: closed time it caused this customer
  std::vector<std::size_t> touched_; ///< the sources that did
  std::vector<StepPlan> steps_;
};

} // namespace

Distribution::Distribution() = default;

std::size_t Distribution::bin(double x) {
  if (!(x >= 1)) {
    return 0;
  }
  const auto bits = std::bit_cast<std::uint64_t>(x);
  const auto exponent = static_cast<std::int64_t>((bits >> 52) & 0x7ff) - 1023;
  if (exponent >= kOctaves) {
    return kBins - 1;
  }
  const auto sub = static_cast<std::size_t>((bits >> (52 - kSubBits)) & ((1u << kSubBits) - 1));
  return 1 + (static_cast<std::size_t>(exponent) << kSubBits) + sub;
}

void Distribution::cover(std::size_t low, std::size_t high) {
  if (bins_.empty()) {
    base_ = low;
    bins_.resize(high - low + 1);
    return;
  }
  const std::size_t end = base_ + bins_.size();
  if (low >= base_ && high < end) {
    return;
  }
  // Doubling the window on the side that grows keeps a stream of adds linear in time.
  const std::size_t span = bins_.size();
  const std::size_t new_base = low < base_ ? std::min(low, base_ - std::min(base_, span)) : base_;
  const std::size_t new_end = high >= end ? std::max(high + 1, std::min(kBins, end + span)) : end;
  std::vector<Bin> grown(new_end - new_base);
  std::copy(bins_.begin(), bins_.end(), grown.begin() + static_cast<std::ptrdiff_t>(base_ - new_base));
  bins_ = std::move(grown);
  base_ = new_base;
}

void Distribution::add(double x) {
  if (!(x >= 0)) {
    x = 0;
  }
  const std::size_t k = bin(x);
  cover(k, k);
  first_ = std::min(first_, k);
  last_ = std::max(last_, k);
  Bin &b = at(k);
  if (b.count == 0) {
    b.low = x;
    b.high = x;
  } else {
    b.low = std::min(b.low, x);
    b.high = std::max(b.high, x);
  }
  ++b.count;
  ++count_;
  max_ = std::max(max_, x);
  sum_ += fixed_point(std::min(x, 1e15));
}

void Distribution::merge(const Distribution &other) {
  if (other.count_ == 0) {
    return;
  }
  cover(other.first_, other.last_);
  first_ = std::min(first_, other.first_);
  last_ = std::max(last_, other.last_);
  for (std::size_t k = other.first_; k <= other.last_; ++k) {
    const Bin &o = other.at(k);
    if (o.count == 0) {
      continue;
    }
    Bin &b = at(k);
    if (b.count == 0) {
      b = o;
      continue;
    }
    b.low = std::min(b.low, o.low);
    b.high = std::max(b.high, o.high);
    b.count += o.count;
  }
  count_ += other.count_;
  max_ = std::max(max_, other.max_);
  sum_ += other.sum_;
}

double Distribution::mean() const {
  return count_ == 0 ? 0.0
                     : static_cast<double>(sum_) / kFixedPoint / static_cast<double>(count_);
}

double Distribution::quantile(double q) const {
  if (count_ == 0) {
    return 0;
  }
  const auto rank = std::clamp<std::uint64_t>(
      static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(count_) - 1e-9)), 1, count_);
  std::uint64_t before = 0;
  for (std::size_t k = first_; k <= last_; ++k) {
    const Bin &b = at(k);
    if (before + b.count >= rank) {
      if (b.low == b.high || b.count == 1) {
        return b.low;
      }
      const double within =
          static_cast<double>(rank - before - 1) / static_cast<double>(b.count - 1);
      return b.low + (b.high - b.low) * within;
    }
    before += b.count;
  }
  return max_;
}

double Distribution::count_between(double from, double to) const {
  double total = 0;
  if (count_ == 0) {
    return total;
  }
  for (std::size_t k = first_; k <= last_; ++k) {
    const Bin &b = at(k);
    if (b.count == 0 || b.high < from || b.low >= to) {
      continue;
    }
    const auto n = static_cast<double>(b.count);
    if (b.low == b.high || (b.low >= from && b.high < to)) {
      total += n;
      continue;
    }
    const double overlap = std::min(b.high, to) - std::max(b.low, from);
    total += n * std::clamp(overlap / (b.high - b.low), 0.0, 1.0);
  }
  return total;
}

SimulationResult simulate(const JourneyGraph &graph, const SimulationOptions &options) {
  SimulationResult result;
  result.journey = graph.journey().id;
  result.file = graph.journey().file;
  result.customers = options.customers;
  result.seed = options.seed;
  result.groups.resize(kSimGroups);
  if (graph.size() == 0) {
    result.problem = "the journey has no steps to walk: add its steps under `steps:`";
    return result;
  }
  if (options.customers == 0) {
    return result;
  }
  const Chain chain = step_chain(graph);
  const Visits visits = expected_visits(chain, JourneyGraph::entry);
  if (!visits.solved) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < std::min<std::size_t>(visits.trap.size(), 5); ++i) {
      ids.push_back("`" + graph.step(visits.trap[i]).id + "`");
    }
    result.problem = "the walk can be caught in a loop with no way out to an end (" +
                     and_list(ids, 5) + "): no customer would finish";
    return result;
  }
  const bool queues_used =
      std::any_of(graph.journey().steps.begin(), graph.journey().steps.end(),
                  [](const Step &s) { return s.wait_queue; });
  const Plan plan =
      make_plan(graph, queues_used ? compute_queues(graph, visits.visits) : Queues{});
  result.spreads = plan.spreads;
  const std::uint64_t block = std::max<std::uint64_t>(options.block, 1);
  const std::uint64_t blocks = (options.customers + block - 1) / block;
  const unsigned jobs = static_cast<unsigned>(
      std::clamp<std::uint64_t>(options.jobs == 0 ? 1 : options.jobs, 1, blocks));
  result.calendars = plan.calendars;
  std::vector<std::vector<GroupResult>> partial(jobs, std::vector<GroupResult>(kSimGroups));
  std::vector<ClosureTally> tallies(
      jobs, ClosureTally{std::vector<std::uint64_t>(plan.sources.size(), 0),
                         std::vector<std::uint64_t>(plan.sources.size(), 0)});
  std::atomic<std::uint64_t> next{0};
  auto work = [&](unsigned thread) {
    Walker walker(plan, options);
    for (std::uint64_t b = next++; b < blocks; b = next++) {
      const std::uint64_t customers = std::min(block, options.customers - b * block);
      walker.run_block(b, customers, partial[thread], tallies[thread]);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < jobs; ++t) {
    threads.emplace_back(work, t);
  }
  work(0);
  for (std::thread &t : threads) {
    t.join();
  }
  for (const std::vector<GroupResult> &part : partial) {
    for (std::size_t g = 0; g < kSimGroups; ++g) {
      for (std::size_t m = 0; m < kSimMeasures; ++m) {
        result.groups[g].measures[m].merge(part[g].measures[m]);
      }
      result.groups[g].held_up += part[g].held_up;
    }
  }
  GroupResult &all = result.groups[static_cast<std::size_t>(SimGroup::All)];
  for (std::size_t g = 0; g < kSimGroups; ++g) {
    if (g != static_cast<std::size_t>(SimGroup::All)) {
      for (std::size_t m = 0; m < kSimMeasures; ++m) {
        all.measures[m].merge(result.groups[g].measures[m]);
      }
      all.held_up += result.groups[g].held_up;
    }
  }
  for (std::size_t c = 0; c < plan.sources.size(); ++c) {
    ClosureSource source = plan.sources[c];
    std::uint64_t fixed = 0;
    for (const ClosureTally &t : tallies) {
      fixed += t.seconds[c];
      source.customers += t.customers[c];
    }
    source.seconds = static_cast<double>(fixed) / kFixedPoint;
    if (source.customers > 0) {
      result.closures.push_back(std::move(source));
    }
  }
  std::stable_sort(result.closures.begin(), result.closures.end(),
                   [](const ClosureSource &a, const ClosureSource &b) {
                     return a.seconds > b.seconds;
                   });
  return result;
}

std::string_view to_string(SimGroup g) {
  switch (g) {
  case SimGroup::All:
    return "all";
  case SimGroup::Success:
    return "success";
  case SimGroup::Abandon:
    return "abandon";
  case SimGroup::Failure:
    return "failure";
  case SimGroup::NoEnd:
    return "no end";
  case SimGroup::Unfinished:
    return "unfinished";
  }
  return "all";
}

std::string_view to_string(SimMeasure m) {
  switch (m) {
  case SimMeasure::LeadTime:
    return "lead time";
  case SimMeasure::WaitTime:
    return "wait time";
  case SimMeasure::CustomerEffort:
    return "customer effort";
  case SimMeasure::ClosedTime:
    return "closed time";
  }
  return "lead time";
}

} // namespace journey
