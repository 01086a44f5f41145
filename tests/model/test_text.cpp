// Text helpers: plural nouns, ids, short numbers, lists, CSV fields and UTF-8 cleaning.
#include "journey/model/escape.h"
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

TEST_CASE("csv_field: text a spreadsheet would run as a formula gets a leading quote") {
  CHECK(csv_field("=HYPERLINK(\"http://x\",\"y\")") ==
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(csv_field("+cmd|' /C calc'!A0") == "\"'+cmd|' /C calc'!A0\"");
  CHECK(csv_field("-2+3") == "\"'-2+3\"");
  CHECK(csv_field("@SUM(A1)") == "\"'@SUM(A1)\"");
  CHECK(csv_field("\t=1") == "\"'\t=1\"");
  CHECK(csv_field("\r=1") == "\"'\r=1\"");
  CHECK(csv_field("=1+2.yaml") == "\"'=1+2.yaml\"");
  CHECK(csv_field("a=b") == "a=b"); // only the first character counts
  CHECK(csv_field("'quoted") == "'quoted");
  CHECK(csv_field("-") == "\"'-\"");
}

TEST_CASE("escape_terminal: controls, stray bytes and bidi overrides shown, not obeyed") {
  CHECK(escape_terminal("plain text, café, 東京 ✓") == "plain text, café, 東京 ✓");
  CHECK(escape_terminal("\x1b[2K\x1b[1A\rhidden\x1b]0;pwned\a") ==
        "\\x1b[2K\\x1b[1A\\x0dhidden\\x1b]0;pwned\\x07");
  CHECK(escape_terminal("a\tb") == "a\tb");
  CHECK(escape_terminal("a\nb") == "a\\x0ab");
  CHECK(escape_terminal("a\nb", LineEnds::Keep) == "a\nb");
  CHECK(escape_terminal("a\r\nb", LineEnds::Keep) == "a\\x0d\nb");
  CHECK(escape_terminal("del\x7f") == "del\\x7f");
  CHECK(escape_terminal("csi\x9b"
                        "2J") == "csi\\x9b2J"); // a raw C1 byte
  CHECK(escape_terminal("nel\xc2\x85"
                        "x") == "nel\\u0085x"); // U+0085 encoded
  CHECK(escape_terminal("abc\xe2\x80\xae"
                        "cba") == "abc\\u202ecba"); // RIGHT-TO-LEFT OVERRIDE
  CHECK(escape_terminal("\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9") == "\\u202a\\u2066\\u2069");
  CHECK(escape_terminal("\xe2\x80\x8f") == "\xe2\x80\x8f"); // a mark, not an override: kept
  CHECK(escape_terminal(std::string("nul\0!", 5)) == "nul\\x00!");
}

TEST_CASE("is_blank_text: nothing a reader can see") {
  CHECK(is_blank_text(""));
  CHECK(is_blank_text("   "));
  CHECK(is_blank_text("\t\n\r"));
  CHECK(is_blank_text("\xc2\x85"));                 // U+0085 NEXT LINE
  CHECK(is_blank_text("\xc2\xa0\xe3\x80\x80"));     // no-break space, ideographic space
  CHECK(is_blank_text("\xe2\x80\x8b\xef\xbb\xbf")); // zero-width space, BOM
  CHECK(is_blank_text("\xe2\x80\xae\x1b\x07"));     // RLO, ESC, BEL
  CHECK_FALSE(is_blank_text("\x1b[2K"));            // an escape sequence shows `[2K`
  CHECK_FALSE(is_blank_text(" a "));
  CHECK_FALSE(is_blank_text("\xff")); // shown as U+FFFD
  CHECK_FALSE(is_blank_text("-"));
}

TEST_CASE("format_decimal: output stays short however large the number") {
  CHECK(format_decimal(1e300, 2) == "1e+300");
  CHECK(format_decimal(-1e300, 2) == "-1e+300");
  CHECK(format_decimal(1.5e15, 0) == "1.5e+15");
  CHECK(format_decimal(999999999999999.0, 2) == "999999999999999");
  CHECK(format_decimal(std::numeric_limits<double>::infinity(), 2) == "inf");
  CHECK(format_decimal(0.125, 1000) == "0.125");
  CHECK(format_percent(1e300, 1).size() < 12);
}
