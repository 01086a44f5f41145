// The emotion curve: the customer's emotion step by step along the journey's most likely path,
// with pain points and per-stage means, as plain data for the report and the views.
#pragma once

#include "journey/analysis/journey_graph.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace journey {

/// The path a customer most likely walks: from the entry to the step that leaves the graph with
/// the highest product of branch probabilities (Dijkstra on -log p, so no step repeats; ties go
/// to the step written first). When no step that leaves can be reached, the walk follows the most
/// likely branch until it would repeat a step.
struct LikelyPath {
  std::vector<std::size_t> steps; ///< step indexes, entry first
  double probability = 0;         ///< product of the branch probabilities taken
};

/// The most likely path of `graph`; empty for a journey without steps.
LikelyPath most_likely_path(const JourneyGraph &graph);

/// One step of the curve.
struct EmotionPoint {
  std::size_t step = 0;         ///< step index
  std::optional<int> emotion;   ///< -3..+3; absent when the step states none (a gap, not 0)
  std::vector<std::string> pain; ///< the step's pain points, as written
  std::string stage;             ///< the step's stage; empty without stages
};

/// A run of consecutive points in one stage, with its mean emotion.
struct StageEmotion {
  std::string stage;
  std::size_t first = 0; ///< index of its first point
  std::size_t last = 0;  ///< index of its last point
  std::optional<double> mean; ///< over the points with an emotion; absent when none has one
  std::size_t pains = 0;      ///< pain points in the run
};

/// The emotion curve of one journey.
struct EmotionCurve {
  LikelyPath path;
  std::vector<EmotionPoint> points; ///< one per step of the path, in order
  std::vector<StageEmotion> stages; ///< empty when no point has a stage
  std::optional<double> mean;       ///< over the points with an emotion
  std::size_t rated = 0;            ///< points with an emotion
  std::size_t pains = 0;            ///< pain points along the path
  /// The first point with the lowest emotion; absent when no point has one.
  std::optional<std::size_t> lowest;
};

/// The curve along `most_likely_path(graph)`. `stage_of_step` names each step's stage by step
/// index (empty: the journey has no stages); consecutive points of one stage form a run.
EmotionCurve emotion_curve(const JourneyGraph &graph,
                           std::span<const std::string> stage_of_step = {});

} // namespace journey
