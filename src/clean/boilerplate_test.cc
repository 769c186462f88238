// Tests for clean/boilerplate.h.
#include "clean/boilerplate.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dossier {
namespace {

struct Case {
  std::string name;
  std::vector<std::string> lines;
  // What must remain, and "kind:line" for what must go, in order.
  std::vector<std::string> kept;
  std::vector<std::string> removed;
};

std::string Dump(const RemovedLine& r) {
  return std::string(BoilerplateKindName(r.kind)) + ":" + r.text;
}

void Check(const BoilerplateStripper& s, const Case& c) {
  SCOPED_TRACE(c.name);
  std::vector<std::string_view> ps(c.lines.begin(), c.lines.end());
  BoilerplateReport report;
  s.Strip(&ps, &report);
  EXPECT_EQ(std::vector<std::string>(ps.begin(), ps.end()), c.kept);
  std::vector<std::string> removed;
  for (const RemovedLine& r : report.removed) removed.push_back(Dump(r));
  EXPECT_EQ(removed, c.removed);
}

const std::string kStory1 =
    "The minister arrived in Baghdad on Thursday for talks with the government.";
const std::string kStory2 = "Officials said the talks would continue next week in Washington.";

TEST(BoilerplateTest, CommentSections) {
  BoilerplateStripper s;
  const Case cases[] = {
      {"heading and policy run",
       {kStory1, "Comments",
        "Example News moderates all comments submitted on our website. We welcome comments which "
        "are relevant to the article.",
        "To be approved for publication, however, your comments must meet our community "
        "guidelines.",
        "We will not tolerate the following: profanity, threats, personal attacks.",
        "Post a comment"},
       {kStory1},
       {"comments:Comments",
        "comments:Example News moderates all comments submitted on our website. We welcome "
        "comments which are relevant to the article.",
        "comments:To be approved for publication, however, your comments must meet our community "
        "guidelines.",
        "comments:We will not tolerate the following: profanity, threats, personal attacks.",
        "comments:Post a comment"}},
      {"french",
       {kStory1, "Commentaires (3)", "Votre commentaire sera publié après modération.",
        "Laisser un commentaire"},
       {kStory1},
       {"comments:Commentaires (3)", "comments:Votre commentaire sera publié après modération.",
        "comments:Laisser un commentaire"}},
      {"german prompt at the end",
       {kStory1, "Kommentar schreiben"},
       {kStory1},
       {"comments:Kommentar schreiben"}},
      {"story sentences about comments stay",
       {"The foreign minister's comments came ahead of a Monday meeting.",
        "He did not leave a comment on the post, officials said on Monday.",
        "Facebook said the post violated its community guidelines."},
       {"The foreign minister's comments came ahead of a Monday meeting.",
        "He did not leave a comment on the post, officials said on Monday.",
        "Facebook said the post violated its community guidelines."},
       {}},
      {"a Comments subheading followed by story text stays",
       {kStory1, "Comments", "The minister's remarks drew criticism from the opposition."},
       {kStory1, "Comments", "The minister's remarks drew criticism from the opposition."},
       {}},
  };
  for (const Case& c : cases) Check(s, c);
}

TEST(BoilerplateTest, ReadAlso) {
  BoilerplateStripper s;
  const Case cases[] = {
      {"bare marker and its headline",
       {kStory1, ">> READ ALSO -",
        "Iraq: Washington will reduce its troops \"in the coming months\"",
        "A vise between Washington and Tehran", kStory2},
       {kStory1, "A vise between Washington and Tehran", kStory2},
       {"read-also:>> READ ALSO -",
        "read-also:Iraq: Washington will reduce its troops \"in the coming months\""}},
      {"marker with headline",
       {kStory1, "LIRE AUSSI - Irak : le retrait américain se précise", kStory2,
        "Read more: Macron visits Baghdad", "Lesen Sie auch: Die Truppen ziehen ab",
        "Leer más: Irak y Estados Unidos", "» À lire aussi : Le point sur la situation"},
       {kStory1, kStory2},
       {"read-also:LIRE AUSSI - Irak : le retrait américain se précise",
        "read-also:Read more: Macron visits Baghdad",
        "read-also:Lesen Sie auch: Die Truppen ziehen ab",
        "read-also:Leer más: Irak y Estados Unidos",
        "read-also:» À lire aussi : Le point sur la situation"}},
      {"bare marker before a sentence keeps the sentence",
       {"Related:", kStory2},
       {kStory2},
       {"read-also:Related:"}},
      {"sentences starting with the words stay",
       {"Related efforts by the United Nations have failed so far.",
        "See also how the talks went, the minister told reporters."},
       {"Related efforts by the United Nations have failed so far.",
        "See also how the talks went, the minister told reporters."},
       {}},
  };
  for (const Case& c : cases) Check(s, c);
}

TEST(BoilerplateTest, Paywalls) {
  BoilerplateStripper s;
  const Case cases[] = {
      {"prompt and its bullet list",
       {kStory1,
        "Continue reading this article by registering at no cost and get unlimited access to:",
        "\xE2\x80\xA2 Example Archives", "\xE2\x80\xA2 The Week in Review",
        "\xE2\x80\xA2 Exclusive Events"},
       {kStory1},
       {"paywall:Continue reading this article by registering at no cost and get unlimited access "
        "to:",
        "paywall:\xE2\x80\xA2 Example Archives", "paywall:\xE2\x80\xA2 The Week in Review",
        "paywall:\xE2\x80\xA2 Exclusive Events"}},
      {"short prompts",
       {kStory1, "Already a subscriber? Log in", "Subscribe now.", "Sign up for our newsletter",
        "Abonnez-vous", "Cet article est réservé aux abonnés.", "Article réservé à nos abonnés",
        "Il vous reste 75 % de cet article à lire. La suite est réservée aux abonnés.", kStory2},
       {kStory1, kStory2},
       {"paywall:Already a subscriber? Log in", "paywall:Subscribe now.",
        "paywall:Sign up for our newsletter", "paywall:Abonnez-vous",
        "paywall:Cet article est réservé aux abonnés.", "paywall:Article réservé à nos abonnés",
        "paywall:Il vous reste 75 % de cet article à lire. La suite est réservée aux abonnés."}},
      {"story sentences with the words stay",
       {"The deal gives the army unlimited access to the base.",
        "Voters must register before the end of the month, officials said.",
        "Millions of households subscribe to at least one streaming service."},
       {"The deal gives the army unlimited access to the base.",
        "Voters must register before the end of the month, officials said.",
        "Millions of households subscribe to at least one streaming service."},
       {}},
      {"a prompt mid-text does not eat the next subheading",
       {kStory1, "Sign up for our newsletter", "A vise between Washington and Tehran", kStory2},
       {kStory1, "A vise between Washington and Tehran", kStory2},
       {"paywall:Sign up for our newsletter"}},
  };
  for (const Case& c : cases) Check(s, c);
}

TEST(BoilerplateTest, Captions) {
  BoilerplateStripper s;
  const Case cases[] = {
      {"credits ending a caption",
       {"Jean-Yves Le Drian speaks at the National Assembly in Paris on November 10, 2020. Photo: "
        "Thomas Coex / AFP",
        "example French Defense Minister Florence Parly meets officials in Erbil, Aug. 27, 2020. "
        "Photo by SAFIN HAMED/AFP via Getty Images.",
        "Soldiers at the base on Thursday. (Photo: Jane Doe/Reuters)",
        "Des soldats français à Erbil. Crédit photo : Ministère des Armées",
        "Bundeswehrsoldaten im Irak. Foto: dpa",
        "Iraqi Foreign Minister Fuad Hussein speaks in Baghdad, Iraq July 22, 2021. "
        "REUTERS/Khalid al-Mousily",
        kStory1},
       {kStory1},
       {"caption:Jean-Yves Le Drian speaks at the National Assembly in Paris on November 10, 2020. "
        "Photo: Thomas Coex / AFP",
        "caption:example French Defense Minister Florence Parly meets officials in Erbil, Aug. 27, "
        "2020. Photo by SAFIN HAMED/AFP via Getty Images.",
        "caption:Soldiers at the base on Thursday. (Photo: Jane Doe/Reuters)",
        "caption:Des soldats français à Erbil. Crédit photo : Ministère des Armées",
        "caption:Bundeswehrsoldaten im Irak. Foto: dpa",
        "caption:Iraqi Foreign Minister Fuad Hussein speaks in Baghdad, Iraq July 22, 2021. "
        "REUTERS/Khalid al-Mousily"}},
      {"credit lines",
       {"\xC2\xA9 Reuters", "Image: Wikimedia Commons", kStory1},
       {kStory1},
       {"caption:\xC2\xA9 Reuters", "caption:Image: Wikimedia Commons"}},
      {"sentences about photos stay",
       {"The photo by the agency was published on Monday and widely shared.",
        "Officials said the image: a burning tank, was fake."},
       {"The photo by the agency was published on Monday and widely shared.",
        "Officials said the image: a burning tank, was fake."},
       {}},
  };
  for (const Case& c : cases) Check(s, c);
}

TEST(BoilerplateTest, ShareButtonsAndNotes) {
  BoilerplateStripper s;
  const Case cases[] = {
      {"share rows",
       {"Share on Facebook", "Tweet", kStory1, "Partager", "WhatsApp", "Print", "Email",
        "Share this article | Twitter | LinkedIn"},
       {kStory1},
       {"share:Share on Facebook", "share:Tweet", "share:Partager", "share:WhatsApp", "share:Print",
        "share:Email", "share:Share this article | Twitter | LinkedIn"}},
      {"legal notes, copyright and credits",
       {kStory1, "* A terrorist group outlawed in Russia and many other countries.",
        "*banned in Russia", "© 2021 Example Media. All rights reserved.",
        "Copyright 2020 The Example Times", "This article was originally published on Example.",
        "(Reporting by John Smith; Editing by Jane Doe)", "Tous droits réservés"},
       {kStory1},
       {"legal-note:* A terrorist group outlawed in Russia and many other countries.",
        "legal-note:*banned in Russia", "copyright:© 2021 Example Media. All rights reserved.",
        "copyright:Copyright 2020 The Example Times",
        "credit:This article was originally published on Example.",
        "credit:(Reporting by John Smith; Editing by Jane Doe)", "copyright:Tous droits réservés"}},
      {"bullets and sentences that only look alike stay",
       {"* Terrorist attacks rose by 20% in 2020, the report said.",
        "The report, originally published in 2019, found no evidence.",
        "Print media have lost readers for a decade."},
       {"* Terrorist attacks rose by 20% in 2020, the report said.",
        "The report, originally published in 2019, found no evidence.",
        "Print media have lost readers for a decade."},
       {}},
  };
  for (const Case& c : cases) Check(s, c);
}

TEST(BoilerplateTest, EmptyAndNullReport) {
  BoilerplateStripper s;
  std::vector<std::string_view> none;
  s.Strip(&none, nullptr);
  EXPECT_TRUE(none.empty());
  std::vector<std::string_view> ps = {"Tweet", "Story."};
  s.Strip(&ps, nullptr);
  EXPECT_EQ(ps, (std::vector<std::string_view>{"Story."}));
}

}  // namespace
}  // namespace dossier
