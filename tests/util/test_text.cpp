// SPDX-License-Identifier: Apache-2.0
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "util/text.hpp"

using fundscreen::util::count_of;
using fundscreen::util::edit_distance;
using fundscreen::util::join;
using fundscreen::util::nearest;
using fundscreen::util::trim;
using fundscreen::util::utf8_length;

TEST_CASE("util::edit_distance") {
  SUBCASE("counts insertions, deletions and substitutions") {
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("requsted_eur", "requested_eur") == 1);
    CHECK(edit_distance("idea", "ide") == 1);
  }
  SUBCASE("is the length of the other word when one is empty") {
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("", "") == 0);
  }
  SUBCASE("is zero for equal words") { CHECK(edit_distance("continuity", "continuity") == 0); }
  SUBCASE("counts characters, so a two-byte letter is one edit away from a one-byte one") {
    CHECK(edit_distance("\xC3\xA4", "a") == 1);                         // ä
    CHECK(edit_distance("p\xC3\xA4\xC3\xA4t\xC3\xB6s", "paatos") == 3); // päätös
  }
  SUBCASE("counts a swap of two neighbours as one edit") {
    CHECK(edit_distance("nwe", "new") == 1);
    CHECK(edit_distance("wieght", "weight") == 1);
    CHECK(edit_distance("abc", "cba") == 2);
  }
}

TEST_CASE("util::nearest") {
  const std::vector<std::string> fields = {"id", "requested_eur", "own_resources_eur", "programme_started"};

  SUBCASE("suggests the one candidate a typo away") {
    CHECK(nearest("requsted_eur", fields) == "requested_eur");
    CHECK(nearest("programme_startd", fields) == "programme_started");
  }
  SUBCASE("allows one edit even in a short word") {
    const std::vector<std::string> roots = {"app", "call", "outcome"};
    CHECK(nearest("ap", roots) == "app");
  }
  SUBCASE("suggests nothing when every candidate is too far") {
    CHECK(nearest("budget", fields) == "");
    CHECK(nearest("xy", std::vector<std::string>{"ab"}) == "");
  }
  SUBCASE("allows a third of the word's length in edits") {
    const std::vector<std::string> words = {"abcdef"};
    CHECK(nearest("abcxyf", words) == "abcdef"); // 2 edits in 6 letters
    CHECK(nearest("axyzef", words) == "");       // 3 edits in 6 letters
  }
  SUBCASE("suggests nothing when two candidates are equally near") {
    const std::vector<std::string> ids = {"C1", "C2"};
    CHECK(nearest("C9", ids) == "");
  }
  SUBCASE("prefers the strictly nearer of two candidates") {
    const std::vector<std::string> ids = {"C1", "C12"};
    CHECK(nearest("C1", ids) == "C1");
  }
  SUBCASE("a candidate listed twice is not a tie with itself") {
    const std::vector<std::string> values = {"idea", "idea"};
    CHECK(nearest("ide", values) == "idea");
  }
  SUBCASE("measures the word in characters, so a word with ä allows as many edits as its letters") {
    const std::vector<std::string> places = {"J\xC3\xA4rvenp\xC3\xA4\xC3\xA4"}; // Järvenpää
    CHECK(nearest("Jarvenpaa", places) == "J\xC3\xA4rvenp\xC3\xA4\xC3\xA4");
  }
  SUBCASE("suggests nothing among no candidates") { CHECK(nearest("x", std::vector<std::string>{}) == ""); }
}

TEST_CASE("util::NearestWord") {
  SUBCASE("offered one at a time, it suggests what nearest() does") {
    const std::vector<std::string> words = {"OA-2021-029", "OA-2021-047", "OA-2021-029", "Kajaanin AMK"};
    for (const char* word : {"OA-2021-0299", "OA-2021-04", "OA-2021-02", "Kajaanin", "OA-2021-039"}) {
      CAPTURE(word);
      fundscreen::util::NearestWord offered(word);
      for (const std::string& w : words) offered.offer(w);
      CHECK(offered.best() == nearest(word, words));
    }
    fundscreen::util::NearestWord typo("OA-2021-0299");
    for (const std::string& w : words) typo.offer(w);
    CHECK(typo.best() == "OA-2021-029");
  }
  SUBCASE("a candidate much longer or shorter is never near") {
    fundscreen::util::NearestWord word("Iisalmen kaupunki");
    word.offer("I");
    word.offer("Iisalmen kaupunki ja Ylä-Savon koulutuskuntayhtymä");
    CHECK(word.best() == "");
    word.offer("Iisalmen kaupungi");
    CHECK(word.best() == "Iisalmen kaupungi");
  }
}

TEST_CASE("util::utf8_length") {
  CHECK(utf8_length("") == 0);
  CHECK(utf8_length("abc") == 3);
  CHECK(utf8_length("\xC3\x84\xC3\xA4nekoski") == 9); // Äänekoski
  CHECK(utf8_length("\xE2\x82\xAC 12") == 4);         // € 12
}

TEST_CASE("util::trim") {
  SUBCASE("removes ASCII white space at both ends") {
    CHECK(trim("  3B \t\r\n") == "3B");
    CHECK(trim("a b") == "a b");
  }
  SUBCASE("gives an empty text for blank input") {
    CHECK(trim("") == "");
    CHECK(trim(" \t\r\n ") == "");
  }
  SUBCASE("keeps a no-break space, which is not ASCII white space") { CHECK(trim("\xC2\xA0x") == "\xC2\xA0x"); }
}

TEST_CASE("util::join") {
  const std::vector<std::string> values = {"idea", "new", "ongoing"};
  CHECK(join(values, ", ") == "idea, new, ongoing");
  CHECK(join(std::vector<std::string>{}, ", ") == "");
  CHECK(join(std::vector<std::string>{"one"}, ", ") == "one");
}

TEST_CASE("util::count_of") {
  CHECK(count_of(1, "impact") == "1 impact");
  CHECK(count_of(2, "impact") == "2 impacts");
  CHECK(count_of(0, "impact") == "0 impacts");
  CHECK(count_of(1, "reply", "replies") == "1 reply");
  CHECK(count_of(3, "reply", "replies") == "3 replies");
}
