#include "parse/parse.h"
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <iostream>
int main(int, char** argv) {
  std::ifstream f(argv[1]); std::stringstream ss; ss << f.rdbuf();
  auto r = journey::parse(ss.str(), argv[1]);
  for (auto& d : r.diagnostics) fmt::print("{}:{}:{}: {}: {} [{}]\n", d.file, d.location.line, d.location.column, journey::to_string(d.severity), d.message, d.rule);
  fmt::print("steps {}\n", r.journey.steps.size());
}
