// Label text: cleaning, escaping and wrapping keep any text intact and safe.
#include "journey/render/label.h"

#include <doctest/doctest.h>

using namespace journey;

TEST_CASE("html_escape escapes the five XML specials") {
  CHECK(html_escape(R"(<a href="x">'&'</a>)") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  CHECK(html_escape(R"(back\slash \G)") == R"(back\\slash \\G)");
}

TEST_CASE("wrap_text wraps at words, breaks long words, and counts code points") {
  CHECK(wrap_text("Looks on the website for how to apply", 24) ==
        std::vector<std::string>{"Looks on the website for", "how to apply"});
  CHECK(wrap_text("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
  CHECK(wrap_text("ééééé", 2) == std::vector<std::string>{"éé", "éé", "é"});
  CHECK(wrap_text("one\ntwo  three", 24) == std::vector<std::string>{"one", "two three"});
  CHECK(wrap_text("", 24) == std::vector<std::string>{""});
  for (const std::string &line : wrap_text("a very long name that keeps going and going", 10)) {
    CHECK(line.size() <= 10);
  }
}

TEST_CASE("html_lines joins wrapped, escaped lines with BR") {
  CHECK(html_lines("Tom & Jerry <3 each other a lot", 12) ==
        "Tom &amp; Jerry<BR/>&lt;3 each<BR/>other a lot");
  CHECK(html_lines("line one\nline two") == "line one<BR/>line two");
}

TEST_CASE("html_lines never returns nothing: Graphviz refuses an empty <B></B>") {
  CHECK(html_lines("") == " ");
  CHECK(html_lines("   ") == " ");
  CHECK(html_lines("\t\x01\xc2\x85") == " ");
}
