// Shell completion scripts for bash, zsh and fish, written from the command-line definition.
#include "completion.h"

#include "journey/model/text.h"

#include <algorithm>
#include <fmt/format.h>

namespace journey::tools {
namespace {

/// A word a script may hold unquoted: option names, command names, fixed values.
bool plain_word(std::string_view word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return is_id_char(c) || c == '+' || c == '=' || c == ',';
  });
}

/// The words of `names` a script can hold; other (impossible in practice) names are left out
/// rather than quoted wrongly.
std::string words(const std::vector<std::string> &names) {
  std::vector<std::string> kept;
  for (const std::string &name : names) {
    if (plain_word(name)) {
      kept.push_back(name);
    }
  }
  return join(kept, " ");
}

std::vector<std::string> names_of(const CliOption &option) {
  std::vector<std::string> names = option.short_names;
  names.insert(names.end(), option.long_names.begin(), option.long_names.end());
  return names;
}

/// `text` inside single quotes, for sh-like shells: `'` becomes `'\''`.
std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

std::string header(const CliTree &tree, std::string_view shell) {
  return fmt::format("# {} completion for {} {}\n"
                     "# Written by `{} completion {}` from its command-line definition; do not "
                     "edit.\n",
                     shell, tree.program.name, tree.version, tree.program.name, shell);
}

// bash ---------------------------------------------------------------------------------------

std::string bash_compgen(std::string_view words_list) {
  return fmt::format("mapfile -t COMPREPLY < <(compgen -W '{}' -- \"$cur\")", words_list);
}

/// The `case $prev` arms completing option values; files are left to bash's default completion.
std::string bash_values(const std::vector<CliOption> &options, std::string_view indent) {
  std::string out;
  for (const CliOption &option : options) {
    if (!option.takes_value()) {
      continue;
    }
    const std::string pattern = join(names_of(option), "|");
    std::string action;
    if (!option.choices.empty()) {
      action = bash_compgen(words(option.choices)) + "; return";
    } else if (option.paths()) {
      action = "return";
    } else {
      action = "compopt +o default 2>/dev/null; return";
    }
    out += fmt::format("{}  {}) {} ;;\n", indent, pattern, action);
  }
  return out.empty() ? out : fmt::format("{}case $prev in\n{}{}esac\n", indent, out, indent);
}

std::vector<std::string> all_names(const std::vector<CliOption> &options) {
  std::vector<std::string> names;
  for (const CliOption &option : options) {
    for (const std::string &name : names_of(option)) {
      names.push_back(name);
    }
  }
  return names;
}

std::string bash_command(const CliCommand &command) {
  std::string out = fmt::format("    {})\n", command.name);
  out += bash_values(command.options, "      ");
  out += "      if [[ $cur == -* ]]; then\n        " +
         bash_compgen(words(all_names(command.options))) + "\n";
  const CliOption *positional = command.positionals.empty() ? nullptr : &command.positionals[0];
  if (positional == nullptr) {
    out += "      else\n        compopt +o default 2>/dev/null\n";
  } else if (!positional->choices.empty()) {
    out += "      else\n        " + bash_compgen(words(positional->choices)) + "\n";
  }
  out += "      fi\n      ;;\n";
  return out;
}

} // namespace

std::string bash_completion(const CliTree &tree) {
  const std::string &program = tree.program.name;
  std::vector<std::string> command_names;
  for (const CliCommand &command : tree.commands) {
    command_names.push_back(command.name);
  }
  std::vector<std::string> global_values;
  for (const CliOption &option : tree.program.options) {
    if (option.takes_value()) {
      for (const std::string &name : names_of(option)) {
        global_values.push_back(name);
      }
    }
  }
  std::string out = header(tree, "bash");
  out += fmt::format("\n_{}() {{\n"
                     "  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}\n"
                     "  # bash splits `--option=value` at `=`.\n"
                     "  if [[ $cur == = ]]; then\n"
                     "    cur=\n"
                     "  elif [[ $prev == = ]] && ((COMP_CWORD >= 2)); then\n"
                     "    prev=${{COMP_WORDS[COMP_CWORD-2]}}\n"
                     "  fi\n"
                     "  local command= i\n"
                     "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
                     "    case ${{COMP_WORDS[i]}} in\n"
                     "      =) ((i++)) ;;\n",
                     program);
  if (!global_values.empty()) {
    out += fmt::format("      {}) ((i++)) ;;\n", join(global_values, "|"));
  }
  out += "      -*) ;;\n"
         "      *)\n"
         "        command=${COMP_WORDS[i]}\n"
         "        break\n"
         "        ;;\n"
         "    esac\n"
         "  done\n"
         "  case $command in\n"
         "    '')\n";
  out += bash_values(tree.program.options, "      ");
  out += "      if [[ $cur == -* ]]; then\n        " +
         bash_compgen(words(all_names(tree.program.options))) + "\n      else\n        " +
         bash_compgen(words(command_names)) + "\n      fi\n      ;;\n";
  for (const CliCommand &command : tree.commands) {
    if (plain_word(command.name)) {
      out += bash_command(command);
    }
  }
  out += "  esac\n}\n\n";
  out += fmt::format("complete -o default -F _{} {}\n", program, program);
  return out;
}

namespace {

// zsh ----------------------------------------------------------------------------------------

/// Text inside the `[...]` of an _arguments spec.
std::string zsh_bracketed(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '[' || c == ']' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

/// Text between the colons of an _arguments spec or before the colon of a _describe entry.
std::string zsh_field(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == ':' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string zsh_action(const CliOption &option) {
  if (!option.choices.empty()) {
    return "(" + words(option.choices) + ")";
  }
  return option.paths() ? "_files" : " ";
}

/// One _arguments spec (already quoted for the shell), e.g.
/// `'(-f --format)'{-f+,--format=}'[Output format]:FORMAT:(text json)'`.
std::string zsh_option(const CliOption &option) {
  std::vector<std::string> names;
  for (const std::string &name : names_of(option)) {
    if (plain_word(name)) {
      names.push_back(name);
    }
  }
  if (names.empty()) {
    return {};
  }
  std::vector<std::string> spellings;
  for (const std::string &name : names) {
    const bool is_long = name.starts_with("--");
    spellings.push_back(name + (option.takes_value() ? (is_long ? "=" : "+") : ""));
  }
  std::string tail = "[" + zsh_bracketed(option.description) + "]";
  if (option.takes_value()) {
    tail += ":" + zsh_field(option.value_name) + ":" + zsh_action(option);
  }
  if (names.size() == 1) {
    return single_quoted((option.repeated ? "*" : "") + spellings[0] + tail);
  }
  return single_quoted("(" + join(names, " ") + ")") + "{" + join(spellings, ",") + "}" +
         single_quoted(tail);
}

std::string zsh_positional(const CliOption &option, std::size_t position) {
  const std::string place = option.repeated ? "*" : std::to_string(position);
  return single_quoted(place + ":" + zsh_field(option.value_name) + ":" + zsh_action(option));
}

std::string zsh_arguments(const CliCommand &command, std::string_view indent,
                          const std::vector<std::string> &extra) {
  std::vector<std::string> specs;
  for (const CliOption &option : command.options) {
    std::string spec = zsh_option(option);
    if (!spec.empty()) {
      specs.push_back(std::move(spec));
    }
  }
  for (std::size_t i = 0; i < command.positionals.size(); ++i) {
    specs.push_back(zsh_positional(command.positionals[i], i + 1));
  }
  specs.insert(specs.end(), extra.begin(), extra.end());
  std::string out;
  for (const std::string &spec : specs) {
    out += fmt::format(" \\\n{}  {}", indent, spec);
  }
  return out;
}

} // namespace

std::string zsh_completion(const CliTree &tree) {
  const std::string &program = tree.program.name;
  std::string out = "#compdef " + program + "\n" + header(tree, "zsh");
  out += fmt::format("\n_{}_commands() {{\n  local -a commands=(\n", program);
  for (const CliCommand &command : tree.commands) {
    if (plain_word(command.name)) {
      out += "    " + single_quoted(zsh_field(command.name) + ":" + one_line(command.description)) +
             "\n";
    }
  }
  out += fmt::format("  )\n  _describe -t commands '{} command' commands\n}}\n\n", program);
  out +=
      fmt::format("_{}() {{\n"
                  "  local curcontext=$curcontext state state_descr line ret=1\n"
                  "  typeset -A opt_args\n"
                  "  _arguments -C{} && ret=0\n"
                  "  if [[ $state == arguments ]]; then\n"
                  "    curcontext=${{curcontext%:*:*}}:{}-$words[1]:\n"
                  "    case $words[1] in\n",
                  program,
                  zsh_arguments(tree.program, "  ",
                                {fmt::format("'1: :_{}_commands'", program), "'*:: :->arguments'"}),
                  program);
  for (const CliCommand &command : tree.commands) {
    if (plain_word(command.name)) {
      out += fmt::format("      ({})\n        _arguments{} && ret=0\n        ;;\n", command.name,
                         zsh_arguments(command, "        ", {}));
    }
  }
  out += fmt::format("    esac\n  fi\n  return ret\n}}\n\n_{} \"$@\"\n", program);
  return out;
}

namespace {

// fish ---------------------------------------------------------------------------------------

/// `text` inside single quotes for fish: `\` and `'` are escaped with a backslash.
std::string fish_quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\\' || c == '\'') {
      out += '\\';
    }
    out += c;
  }
  return out + "'";
}

std::string fish_option(std::string_view program, std::string_view condition,
                        const CliOption &option) {
  std::string out = fmt::format("complete -c {} -n {}", program, fish_quoted(condition));
  bool named = false;
  for (const std::string &name : option.short_names) {
    if (plain_word(name) && name.size() == 2) {
      out += " -s " + name.substr(1);
      named = true;
    }
  }
  for (const std::string &name : option.long_names) {
    if (plain_word(name)) {
      out += " -l " + name.substr(2);
      named = true;
    }
  }
  if (!named) {
    return {};
  }
  if (!option.choices.empty()) {
    out += " -x -a " + fish_quoted(words(option.choices));
  } else if (option.paths()) {
    out += " -r -F";
  } else if (option.takes_value()) {
    out += " -x";
  }
  return out + " -d " + fish_quoted(option.description) + "\n";
}

} // namespace

std::string fish_completion(const CliTree &tree) {
  const std::string &program = tree.program.name;
  std::string out = header(tree, "fish");
  out += fmt::format("\n# Files only where a command takes them.\ncomplete -c {} -f\n\n", program);
  for (const CliOption &option : tree.program.options) {
    out += fish_option(program, "__fish_use_subcommand", option);
  }
  for (const CliCommand &command : tree.commands) {
    if (plain_word(command.name)) {
      out += fmt::format("complete -c {} -n __fish_use_subcommand -a {} -d {}\n", program,
                         command.name, fish_quoted(one_line(command.description)));
    }
  }
  for (const CliCommand &command : tree.commands) {
    if (!plain_word(command.name)) {
      continue;
    }
    const std::string condition = "__fish_seen_subcommand_from " + command.name;
    out += "\n";
    for (const CliOption &option : command.options) {
      out += fish_option(program, condition, option);
    }
    bool files = false;
    for (const CliOption &positional : command.positionals) {
      if (!positional.choices.empty()) {
        out += fmt::format("complete -c {} -n {} -a {}\n", program, fish_quoted(condition),
                           fish_quoted(words(positional.choices)));
      } else if (positional.paths() && !files) {
        out += fmt::format("complete -c {} -n {} -F\n", program, fish_quoted(condition));
        files = true;
      }
    }
  }
  return out;
}

} // namespace journey::tools
