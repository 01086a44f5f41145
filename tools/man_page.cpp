// Manual pages in man(7) format, written from the command-line definition.
#include "man_page.h"

#include "journey/model/text.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

namespace journey::tools {
namespace {

/// Roff-safe text: backslashes and hyphens escaped, `code` in bold when the backquotes pair up.
std::string roff(std::string_view text) {
  const bool code = std::count(text.begin(), text.end(), '`') % 2 == 0;
  bool in_code = false;
  std::string out;
  for (const char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else if (c == '`' && code) {
      out += in_code ? "\\fR" : "\\fB";
      in_code = !in_code;
    } else {
      out += c;
    }
  }
  return out;
}

/// One line of roff input: a leading `.` or `'` would be read as a request.
std::string roff_line(std::string_view text) {
  std::string line = roff(text);
  if (!line.empty() && (line.front() == '.' || line.front() == '\'')) {
    line.insert(0, "\\&");
  }
  return line + '\n';
}

std::string bold(std::string_view text) {
  return "\\fB" + roff(text) + "\\fR";
}
std::string italic(std::string_view text) {
  return "\\fI" + roff(text) + "\\fR";
}

/// Help text as roff: lines wrapped for an 80-column terminal are joined into filled
/// paragraphs, blank lines separate paragraphs, lines indented by two spaces are examples kept
/// as they are.
std::string paragraphs(std::string_view text) {
  std::string out;
  std::string paragraph;
  bool example = false;
  auto flush = [&] {
    if (!paragraph.empty()) {
      out += roff_line(paragraph);
      paragraph.clear();
    }
  };
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
    const bool indented = line.starts_with("  ") && !trim(line).empty();
    if (indented != example) {
      flush();
      out += indented ? ".PP\n.RS 4\n.nf\n" : ".fi\n.RE\n.PP\n";
      example = indented;
    }
    if (indented) {
      out += roff_line(line.substr(2));
    } else if (trim(line).empty()) {
      flush();
      out += ".PP\n";
    } else {
      paragraph += paragraph.empty() ? "" : " ";
      paragraph += trim(line);
    }
  }
  flush();
  if (example) {
    out += ".fi\n.RE\n";
  }
  return out;
}

/// A footer, split into its explanation and the sentence that starts `Exit codes:`.
struct Footer {
  std::string notes;
  std::string exit_codes; ///< after `Exit codes: `, on one line
};

Footer split_footer(std::string_view footer) {
  Footer out;
  bool in_exit = false;
  while (!footer.empty()) {
    const std::size_t newline = footer.find('\n');
    const std::string_view line = footer.substr(0, newline);
    footer = newline == std::string_view::npos ? std::string_view{} : footer.substr(newline + 1);
    constexpr std::string_view kLead = "Exit codes:";
    if (!in_exit && line.starts_with(kLead)) {
      in_exit = true;
      out.exit_codes = std::string(trim(line.substr(kLead.size())));
    } else if (in_exit) {
      out.exit_codes += ' ';
      out.exit_codes += trim(line);
    } else {
      out.notes += line;
      out.notes += '\n';
    }
    if (in_exit && out.exit_codes.ends_with('.')) {
      in_exit = false;
    }
  }
  return out;
}

/// `0 ok; 1 errors, 2 usage errors.` as a list of codes and their meaning, when it reads so.
std::vector<std::pair<std::string, std::string>> exit_code_items(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> items;
  if (text.ends_with('.')) {
    text.remove_suffix(1);
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool boundary =
        i == text.size() ||
        ((text[i] == ',' || text[i] == ';') && i + 3 < text.size() && text[i + 1] == ' ' &&
         std::isdigit(static_cast<unsigned char>(text[i + 2])) && text[i + 3] == ' ');
    if (!boundary) {
      continue;
    }
    const std::string_view item = trim(text.substr(start, i - start));
    const std::size_t space = item.find(' ');
    if (space == std::string_view::npos || space == 0 ||
        !std::all_of(item.begin(), item.begin() + static_cast<std::ptrdiff_t>(space),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
      return {};
    }
    items.emplace_back(std::string(item.substr(0, space)), std::string(item.substr(space + 1)));
    start = i + 1;
  }
  return items;
}

std::string exit_status_section(std::string_view exit_codes) {
  if (exit_codes.empty()) {
    return {};
  }
  std::string out = ".SH EXIT STATUS\n";
  const auto items = exit_code_items(exit_codes);
  if (items.empty()) {
    return out + roff_line(exit_codes);
  }
  for (const auto &[code, meaning] : items) {
    out += ".TP\n.B " + code + "\n" + roff_line(meaning);
  }
  return out;
}

/// `--format FORMAT`, `-f, --format FORMAT` or `FILE|DIR...`, as the head of a tagged paragraph.
std::string option_head(const CliOption &option) {
  if (option.positional) {
    return italic(option.value_name) + (option.repeated ? "..." : "");
  }
  std::vector<std::string> names;
  for (const std::string &name : option.short_names) {
    names.push_back(bold(name));
  }
  for (const std::string &name : option.long_names) {
    names.push_back(bold(name));
  }
  std::string head = join(names, ", ");
  if (option.takes_value()) {
    head += " " + italic(option.value_name);
  }
  return head;
}

/// An option in the synopsis: `[-f FORMAT]`, `FILE|DIR...`.
std::string synopsis_item(const CliOption &option) {
  std::string item;
  if (option.positional) {
    item = italic(option.value_name) + (option.repeated ? "..." : "");
  } else {
    item =
        bold(option.short_names.empty() ? option.long_names.front() : option.short_names.front());
    if (option.takes_value()) {
      item += "\\ " + italic(option.value_name); // kept on one line
    }
  }
  return option.required ? item : "[" + item + "]";
}

bool mentions_every_choice(const CliOption &option) {
  return std::all_of(option.choices.begin(), option.choices.end(), [&](const std::string &c) {
    return option.description.find(c) != std::string::npos;
  });
}

std::string option_entry(const CliOption &option) {
  std::string text = option.description;
  if (!text.empty() && !text.ends_with('.')) {
    text += '.';
  }
  std::string out = ".TP\n" + option_head(option) + "\n" + roff_line(text);
  if (!option.choices.empty() && !mentions_every_choice(option)) {
    std::vector<std::string> choices;
    for (const std::string &choice : option.choices) {
      choices.push_back(bold(choice));
    }
    out += "One of " + join(choices, ", ") + ".\n";
  }
  if (!option.default_value.empty()) {
    out += "Default: " + bold(option.default_value) + ".\n";
  }
  return out;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char &c : out) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

/// The description without the program's own name in front (`journey: ...`).
std::string_view description_of(const CliCommand &command) {
  std::string_view text = command.description;
  const std::string lead = command.name + ": ";
  if (text.starts_with(lead)) {
    text.remove_prefix(lead.size());
  }
  return text;
}

/// The NAME line's summary: the first sentence of the description, starting in lower case
/// unless it starts with an abbreviation.
std::string summary_of(const CliCommand &command) {
  std::string text = one_line(description_of(command));
  const std::size_t stop = text.find(". ");
  if (stop != std::string::npos) {
    text.resize(stop);
  }
  if (text.ends_with('.')) {
    text.pop_back();
  }
  if (text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) &&
      std::islower(static_cast<unsigned char>(text[1]))) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

std::string page_name(const CliTree &tree, const CliCommand &command) {
  return &command == &tree.program ? tree.program.name : tree.program.name + "-" + command.name;
}

std::string header(const CliTree &tree, const CliCommand &command) {
  const std::string name = page_name(tree, command);
  return fmt::format(".\\\" Written by `{} man` from its command-line definition; do not edit.\n"
                     ".TH {} 1 \"\" \"{} {}\" \"User Commands\"\n"
                     ".nh\n.ad l\n"
                     ".SH NAME\n{} \\- {}\n",
                     tree.program.name, roff(upper(name)), roff(tree.program.name),
                     roff(tree.version), roff(name), roff(summary_of(command)));
}

std::string options_section(const std::vector<CliOption> &options, std::string_view title) {
  if (options.empty()) {
    return {};
  }
  std::string out = fmt::format(".SH {}\n", title);
  for (const CliOption &option : options) {
    out += option_entry(option);
  }
  return out;
}

} // namespace

std::string man_page_name(const CliTree &tree, const CliCommand &command) {
  return page_name(tree, command) + ".1";
}

std::string program_man_page(const CliTree &tree) {
  const CliCommand &program = tree.program;
  std::string out = header(tree, program);
  out += ".SH SYNOPSIS\n.B " + roff(program.name) + "\n" + italic("COMMAND") + " [" +
         italic("OPTIONS") + "] [" + italic("ARGUMENTS") + "]\n.br\n.B " + roff(program.name) +
         "\n";
  std::vector<std::string> items;
  for (const CliOption &option : program.options) {
    items.push_back(synopsis_item(option));
  }
  out += join(items, " ") + "\n";

  const Footer footer = split_footer(program.footer);
  out += ".SH DESCRIPTION\n";
  std::string_view description = description_of(program);
  const std::size_t stop = description.find(".\n");
  out += paragraphs(stop == std::string_view::npos ? description : description.substr(stop + 2));
  out += ".PP\n" + paragraphs(footer.notes);

  out += ".SH COMMANDS\n";
  for (const CliCommand &command : tree.commands) {
    std::string sentence = one_line(command.description);
    if (!sentence.ends_with('.')) {
      sentence += '.';
    }
    out += ".TP\n" + bold(command.name) + "\n" + roff_line(sentence) + "See " +
           bold(page_name(tree, command)) + "(1).\n";
  }
  out += options_section(program.options, "OPTIONS");
  out += exit_status_section(footer.exit_codes);
  out += ".SH SEE ALSO\n";
  std::vector<std::string> pages;
  for (const CliCommand &command : tree.commands) {
    pages.push_back(bold(page_name(tree, command)) + "(1)");
  }
  out += join(pages, ",\n") + "\n";
  return out;
}

std::string command_man_page(const CliTree &tree, const CliCommand &command) {
  std::string out = header(tree, command);
  out += ".SH SYNOPSIS\n.B " + roff(tree.program.name + " " + command.name) + "\n";
  std::vector<std::string> items;
  for (const CliOption &option : command.options) {
    items.push_back(synopsis_item(option));
  }
  for (const CliOption &option : command.positionals) {
    items.push_back(synopsis_item(option));
  }
  out += join(items, "\n") + "\n";

  Footer footer = split_footer(command.footer);
  if (footer.exit_codes.starts_with("see ")) { // `see journey --help`: the program's own list
    footer.exit_codes = split_footer(tree.program.footer).exit_codes;
  }
  std::string description(description_of(command));
  if (!description.ends_with('.')) {
    description += '.';
  }
  out += ".SH DESCRIPTION\n" + paragraphs(description);
  if (!trim(footer.notes, " \n").empty()) {
    out += ".PP\n" + paragraphs(footer.notes);
  }
  out += options_section(command.positionals, "ARGUMENTS");
  out += options_section(command.options, "OPTIONS");
  out += exit_status_section(footer.exit_codes);
  out += ".SH SEE ALSO\n" + bold(tree.program.name) + "(1)\n";
  return out;
}

} // namespace journey::tools
