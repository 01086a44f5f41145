// Pages: the HTML of the live site (the index of journeys and a page per journey), built from a
// snapshot without sockets. Every piece of journey text is escaped; no page holds a script.
#pragma once

#include "journey/render/views.h"
#include "journey/serve/snapshot.h"

#include <optional>
#include <string>
#include <string_view>

namespace journey {

/// The URL of a journey's page: `/journey/<key>` with the key percent-encoded (slashes kept),
/// and `?view=<name>` unless `view` is compare.
std::string journey_url(std::string_view key, View view = View::Compare);

/// The index: every served journey with its state, and the inputs that could not be served.
std::string index_page(const Snapshot &snapshot);
/// The part of the index the page script replaces on a change.
std::string index_live(const Snapshot &snapshot);

/// A journey's page showing `view`: its state (up to date, or the errors of the file as saved
/// while the last good diagram stays), the lint findings with line numbers, the diagram and
/// the headline figures. nullopt when no journey has `key`.
std::optional<std::string> journey_page(const Snapshot &snapshot, std::string_view key, View view);
/// The part of a journey's page the page script replaces on a change.
std::optional<std::string> journey_live(const Snapshot &snapshot, std::string_view key, View view);

/// A short page for a refused or unknown request: `status` line and a sentence.
std::string message_page(std::string_view title, std::string_view text);

} // namespace journey
