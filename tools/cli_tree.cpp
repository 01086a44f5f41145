// The command line as data, read from the CLI11 definition at run time.
#include "cli_tree.h"

#include "journey/model/text.h"

#include <algorithm>
#include <cctype>

namespace journey::tools {
namespace {

/// CLI11's full type name is the type's name then `:`-separated validator descriptions, where
/// a fixed set of values (CLI::IsMember) reads `{a,b,c}`.
void read_type_name(const std::string &full, CliOption &option) {
  std::size_t start = 0;
  bool first = true;
  while (start <= full.size()) {
    std::size_t end = full.find(':', start);
    if (end == std::string::npos) {
      end = full.size();
    }
    const std::string_view part = std::string_view(full).substr(start, end - start);
    if (first) {
      option.value_name = std::string(part);
      first = false;
    } else if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      std::string_view rest = part.substr(1, part.size() - 2);
      while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        option.choices.emplace_back(trim(rest.substr(0, comma)));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
      }
    }
    start = end + 1;
  }
}

CliOption describe_option(const CLI::Option &opt) {
  CliOption option;
  option.positional = !opt.nonpositional();
  for (const std::string &name : opt.get_snames()) {
    option.short_names.push_back("-" + name);
  }
  for (const std::string &name : opt.get_lnames()) {
    option.long_names.push_back("--" + name);
  }
  option.description = one_line(opt.get_description());
  option.default_value = opt.get_default_str();
  option.required = opt.get_required();
  option.repeated = opt.get_items_expected_max() >= CLI::detail::expected_max_vector_size;
  const std::string type_name = opt.get_type_name();
  if (opt.get_type_size() != 0 && !type_name.empty()) { // else a flag
    read_type_name(type_name, option);
    // A string option without a type name of its own: name its value after the option.
    if ((option.value_name.empty() || option.value_name == "TEXT") && !option.long_names.empty()) {
      option.value_name = ascii_lower(option.long_names.front().substr(2));
      for (char &c : option.value_name) {
        c = c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
    }
    if (option.value_name.empty()) {
      option.value_name = "VALUE";
    }
  }
  return option;
}

CliCommand describe_command(const CLI::App &app) {
  CliCommand command;
  command.name = app.get_name();
  command.description = app.get_description();
  command.footer = app.get_footer();
  for (const CLI::Option *opt : app.get_options()) {
    if (opt->get_group().empty()) {
      continue;
    }
    CliOption option = describe_option(*opt);
    (option.positional ? command.positionals : command.options).push_back(std::move(option));
  }
  return command;
}

} // namespace

bool CliOption::paths() const {
  if (!takes_value() || !choices.empty()) {
    return false;
  }
  return positional || value_name.find("FILE") != std::string::npos ||
         value_name.find("DIR") != std::string::npos ||
         value_name.find("PATH") != std::string::npos;
}

std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += c;
  }
  return out;
}

CliTree describe_cli(const CLI::App &app, std::string version) {
  CliTree tree;
  tree.version = std::move(version);
  tree.program = describe_command(app);
  for (const CLI::App *sub : app.get_subcommands({})) {
    if (!sub->get_group().empty()) {
      tree.commands.push_back(describe_command(*sub));
    }
  }
  return tree;
}

} // namespace journey::tools
