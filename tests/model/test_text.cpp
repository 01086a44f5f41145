// Text helpers: plural nouns, ids, short numbers, lists, CSV fields and UTF-8 cleaning.
#include "journey/model/text.h"

#include <cmath>
#include <doctest/doctest.h>
#include <limits>
#include <string>

using namespace journey;

TEST_CASE("plural: the noun agrees with the number") {
  CHECK(plural(std::size_t{0}, "step", "steps") == "0 steps");
  CHECK(plural(std::size_t{1}, "step", "steps") == "1 step");
  CHECK(plural(std::size_t{2}, "process", "processes") == "2 processes");
  CHECK(plural("1", "handoff", "handoffs") == "1 handoff");
  CHECK(plural("2.4", "handoff", "handoffs") == "2.4 handoffs");
  CHECK(plural("1.0", "handoff", "handoffs") == "1.0 handoffs"); // only `1` is singular
}

TEST_CASE("ids: plain ids in any case, slugs in lower case") {
  CHECK(is_plain_id("Step_1.a-b"));
  CHECK_FALSE(is_plain_id(""));
  CHECK_FALSE(is_plain_id("two words"));
  CHECK_FALSE(is_plain_id("é"));
  CHECK_FALSE(is_plain_id("a/b"));
  CHECK(is_slug("open-bank-account"));
  CHECK(is_slug("v1.2_beta"));
  CHECK_FALSE(is_slug("Open"));
  CHECK_FALSE(is_slug(""));
  CHECK_FALSE(is_slug("a b"));
  CHECK(is_id_char('Z'));
  CHECK_FALSE(is_id_char('/'));
}

TEST_CASE("format_decimal: fixed decimals, trailing zeros dropped") {
  CHECK(format_decimal(2.0, 2) == "2");
  CHECK(format_decimal(2.5, 2) == "2.5");
  CHECK(format_decimal(2.4000000000000004, 2) == "2.4");
  CHECK(format_decimal(0.256, 2) == "0.26");
  CHECK(format_decimal(72.96, 1) == "73");
  CHECK(format_decimal(72.94, 1) == "72.9");
  CHECK(format_decimal(100, 0) == "100"); // no point, so no zeros to drop
  CHECK(format_decimal(1500, 2) == "1500");
  CHECK(format_decimal(-0.001, 2) == "0");
  CHECK(format_decimal(-1.25, 1) == "-1.2"); // exact ties go to even
  CHECK(format_decimal(0.125, 2) == "0.12");
}

TEST_CASE("format_percent: a probability in percent") {
  CHECK(format_percent(0.75, 1) == "75%");
  CHECK(format_percent(1.0 / 3, 1) == "33.3%");
  CHECK(format_percent(1.0 / 3, 2) == "33.33%");
  CHECK(format_percent(0.9996, 1) == "100%");
  CHECK(format_percent(0, 2) == "0%");
}

TEST_CASE("tidy_number: solver noise rounded away, special values kept") {
  CHECK(tidy_number(2.4000000000000004) == 2.4);
  CHECK(tidy_number(0.30000000000000004) == 0.3);
  CHECK(tidy_number(0) == 0);
  CHECK(tidy_number(-1234.5678) == -1234.5678);
  CHECK(std::isnan(tidy_number(std::nan(""))));
  CHECK(tidy_number(std::numeric_limits<double>::infinity()) ==
        std::numeric_limits<double>::infinity());
}

TEST_CASE("join and and_list") {
  CHECK(join({}, ", ").empty());
  CHECK(join({"a"}, ", ") == "a");
  CHECK(join({"a", "b", "c"}, "; ") == "a; b; c");
  CHECK(and_list({}, 5).empty());
  CHECK(and_list({"a"}, 5) == "a");
  CHECK(and_list({"a", "b"}, 5) == "a and b");
  CHECK(and_list({"a", "b", "c"}, 5) == "a, b and c");
  CHECK(and_list({"a", "b", "c", "d"}, 2) == "a, b and 2 more");
}

TEST_CASE("csv_field: quoted only when it must be") {
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\r\nlf") == "\"cr\r\nlf\""); // quoting only: no cleaning
}

TEST_CASE("decode_utf8 and append_utf8 round-trip every length") {
  for (char32_t cp : {U'a', U'\u00e9', U'\u20ac', U'\U0001F642', U'\U0010FFFF'}) {
    std::string bytes;
    append_utf8(bytes, cp);
    char32_t back = 0;
    CHECK(decode_utf8(bytes, 0, back) == bytes.size());
    CHECK(back == cp);
  }
  char32_t cp = 0;
  CHECK(decode_utf8("\xC0\xAF", 0, cp) == 0);     // overlong
  CHECK(decode_utf8("\xED\xA0\x80", 0, cp) == 0); // surrogate
  CHECK(decode_utf8("\xF4\x90\x80\x80", 0, cp) == 0); // above U+10FFFF
  CHECK(decode_utf8("\xE2\x82", 0, cp) == 0);     // cut short
  CHECK(decode_utf8("\x80", 0, cp) == 0);         // a stray continuation byte
  CHECK(code_points("Ünï 🙂") == 5);
}

TEST_CASE("valid_utf8 keeps tabs and newlines, drops other controls, replaces bad bytes") {
  CHECK(valid_utf8("Ünïcödé 🙂") == "Ünïcödé 🙂");
  CHECK(valid_utf8("a\tb\nc") == "a\tb\nc");
  CHECK(valid_utf8("a\r\nb\rc") == "a\nb\nc");
  CHECK(valid_utf8(std::string("a\x01\x7f"
                               "b\0",
                               6)) == "ab");
  CHECK(valid_utf8("\xC2\x85x") == "\xC2\x85x"); // C1 controls are kept
  CHECK(valid_utf8("bad \xff byte") == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("clean_text keeps valid UTF-8 and drops what XML cannot hold") {
  CHECK(clean_text("Ünïcödé مرحبا 🙂") == "Ünïcödé مرحبا 🙂");
  CHECK(clean_text("a\tb") == "a b");
  CHECK(clean_text("a\r\nb\rc") == "a\nb\nc");
  CHECK(clean_text(std::string("a\x01\x1f\x7f"
                               "b",
                               5)) == "ab");
  CHECK(clean_text("\xC2\x85x") == "x"); // C1 control
  CHECK(clean_text("a\xFF"
                   "b") == "a\xEF\xBF\xBD"
                           "b");
  CHECK(clean_text("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                 // overlong
  CHECK(clean_text("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // surrogate
  CHECK(clean_text("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");                 // truncated
  CHECK(clean_text(std::string("a\0b", 3)) == "ab");
}

TEST_CASE("trim and ascii_lower") {
  CHECK(trim("  a b  ") == "a b");
  CHECK(trim("   ").empty());
  CHECK(trim("").empty());
  CHECK(trim("\t a \n", " \t\n") == "a");
  CHECK(trim("\ta ") == "\ta");
  CHECK(ascii_lower("Mon-FRI Ü") == "mon-fri Ü");
}
