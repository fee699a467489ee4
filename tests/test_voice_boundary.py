"""The author's voice boundary from the parse: a reporting verb in a relative or adverbial clause
reports only what its clause says."""

from __future__ import annotations

from framing import analyse
from framing.settings import Settings

PLAIN = Settings(detect_headline=False)


def contents(text: str) -> list[tuple[str, str]]:
    return [(a.cue.text, a.content.text) for a in analyse(text, settings=PLAIN).attributions]


def test_a_relative_clause_reports_only_itself():
    assert contents("The plan, which critics said was rushed, passed on Tuesday.") == [("said", "was rushed")]


def test_a_clause_with_nothing_after_its_cue_reports_nothing():
    assert contents("The recovery he promised has turned into a cascade of downgrades.") == []


def test_an_as_clause_still_frames_what_follows():
    text = "As Ms. Simonyan put it in a statement in July, the network provides another view."
    assert contents(text) == [("put it", "the network provides another view")]


def test_a_main_clause_cue_keeps_its_whole_content():
    text = "He said the deal, which critics called a disaster, was good for workers."
    assert contents(text)[0] == ("said", "the deal, which critics called a disaster, was good for workers")


def test_an_adverbial_clause_reports_its_complement():
    text = "Because the mayor warned that the bridge was unsafe, the city closed it for a week."
    assert contents(text) == [("warned", "that the bridge was unsafe")]


def test_a_participle_naming_a_thing_reports_nothing():
    assert contents("Agents began to act on the emails found on Mr. Weiner’s laptop.") == []


def test_a_relative_clause_inside_the_subject_does_not_cut_the_report_short():
    text = "Peter Strzok, the agent who disparaged Trump in text messages, has been fired, his lawyer said."
    assert contents(text)[-1] == ("said", "Peter Strzok, the agent who disparaged Trump in text messages, has been fired")


def test_the_antecedent_of_a_relative_clause_is_no_statement():
    # what was opposed is "which" (as annotated news marks it), never "The bill, which"
    assert contents("The bill, which Saudi Arabia has fiercely opposed, addresses a 1976 law.") == [("opposed", "which")]


def test_a_clause_the_parse_loses_is_not_cut_short():
    text = "Warren pressed him, after he admitted under questioning he had not yet been held accountable."
    assert ("admitted", "under questioning he had not yet been held accountable") in contents(text)


def test_a_reporting_noun_with_its_owner_after_from():
    text = "Despite warnings from the Obama administration that the bill was “badly misguided,” lawmakers voted."
    a = analyse(text, settings=PLAIN).attributions[0]
    assert (a.source.name, a.cue.text, a.content.text) == ("Obama administration", "warnings", "that the bill was “badly misguided")


def test_a_cue_noun_with_its_modifier_is_no_source_but_a_trailing_cue_still_reports():
    assert [c for c, _ in contents("All documents related to the 2012 Benghazi attack are shared, he said.")] == ["said"]
    assert ("shows", "Voters are worried about prices") in contents("Voters are worried about prices, a new poll shows.")


def test_a_conjoined_clause_inside_what_was_said_stays_in_it():
    # the parse joins "had tumbled" to "thought", inside what the polls showed, not to "showed"
    text = (
        "Polls showed that few Americans thought of climate change as a priority, and the percentage "
        "of voters who accepted that it was caused by humans had tumbled."
    )
    assert contents(text) == [("showed", text[len("Polls showed ") : -1])]
    # the same with a subject of five words: still inside what the polls showed
    text = "Polls showed that few Americans saw climate change as a priority, and the share of young voters fell."
    assert contents(text) == [("showed", text[len("Polls showed ") : -1])]


def test_a_conjoined_clause_joined_to_the_cue_is_the_authors():
    text = "In the end, Patriot agreed to lend Mr. Clarke $5 million, and the coal miners' union also stepped in with money."
    assert contents(text) == [("agreed", "to lend Mr. Clarke $5 million")]


def test_a_relative_that_after_the_object_does_not_open_what_was_said():
    text = "China warned North Korea to refrain from further actions that would worsen the situation."
    assert contents(text) == [("warned", "to refrain from further actions that would worsen the situation")]
    text = "Ms. Pelosi intends to bring up legislation that includes new funds."
    assert contents(text) == [("intends", "to bring up legislation that includes new funds")]


def test_a_that_clause_after_a_time_phrase_is_what_was_said():
    # the small tagger calls this "that" a relative pronoun but attaches it as a complementiser
    text = "Trump tweeted in the early morning hours that Machado was disgusting."
    assert contents(text) == [("tweeted", "that Machado was disgusting")]


def test_a_time_after_the_cue_is_no_part_of_what_was_said():
    assert contents("He said Tuesday that the plan was dead.") == [("said", "that the plan was dead")]
    assert contents("She said on Monday that it was over.") == [("said", "that it was over")]


def test_a_quote_before_the_cue_is_what_was_said_when_only_a_time_follows():
    text = "“It never crossed my mind,” she said several months after her release, and a big reason was the campaign."
    a = analyse(text, settings=PLAIN)
    assert [q.speaker for q in a.quotes] == ["she"] and a.attributions == ()


def test_a_that_clause_after_a_long_date_is_what_was_said():
    text = "Comey told Congress on Oct. 28, 2016, just days before the election, that the FBI had found more messages."
    assert contents(text) == [("told", "that the FBI had found more messages")]


def test_the_show_a_statement_was_made_on_is_no_part_of_what_was_said():
    for text in (
        "Trump said on NBC’s “Meet the Press” on Sunday that the deal was dead.",
        "Huckabee told “Fox & Friends” on Monday that the shooting was a tragedy.",
        "Schiff said in an interview with “Face the Nation” that Flynn lied.",
        'He said on "Fox & Friends," that the plan would fail.',
    ):
        [(cue, content)] = contents(text)
        assert content.startswith("that ") and "“" not in content and '"' not in content, text


def test_a_quote_in_sentence_case_after_the_cue_is_still_what_was_said():
    text = "Trump said on Sunday “we will win” and that the deal was dead."
    assert any("we will win" in content for _, content in contents(text))


def test_the_authors_background_on_a_named_person_is_no_part_of_what_was_said():
    assert contents("Trump said he would meet Kim Jong Un, whose regime has tested dozens of missiles.") == [
        ("said", "he would meet Kim Jong Un")
    ]
    text = "Trump said he was sorry for Mr. Flynn, whom he fired in February for lying to the vice president."
    assert contents(text) == [("said", "he was sorry for Mr. Flynn")]


def test_a_relative_clause_inside_what_was_said_or_inside_quote_marks_stays():
    text = "Clinton said that Trump, who has never held office, was unfit to serve."
    assert contents(text) == [("said", "that Trump, who has never held office, was unfit to serve")]
    assert contents("He said he trusted Pence, “who is a great man.”") == [("said", "he trusted Pence, “who is a great man.”")]


def test_a_statement_inside_an_opening_phrase_ends_where_the_main_clause_starts():
    text = "In laying out what his campaign calls the “Rubio Doctrine,” the presidential hopeful said the first pillar is strength."
    assert contents(text) == [("calls", "the “Rubio Doctrine,”"), ("said", "the first pillar is strength")]


def test_the_that_of_the_cues_own_clause_after_a_long_setting_phrase():
    text = "Rubio said after his speech, in a question-and-answer session with TV host Charlie Rose, that the embargo should stay."
    assert contents(text) == [("said", "that the embargo should stay")]


def test_the_authors_comparison_of_another_speaker_is_no_part_of_what_was_said():
    assert contents("Rubio supports the embargo, as did Jeb Bush when he served as governor.") == [("supports", "the embargo")]
    text = "Another slide shows that most avocados eaten here are grown in Mexico, as are nine of 10 limes."
    assert contents(text) == [("shows", "that most avocados eaten here are grown in Mexico, as are nine of 10 limes")]


def test_a_plural_source_after_according_to_keeps_its_participle():
    text = "The deal was a mistake, according to excerpts released by his campaign."
    assert contents(text) == [("according to", "The deal was a mistake")]


def test_a_verb_joined_to_the_reporting_verb_is_the_authors_again():
    assert contents("Sestak said no and went on to win last week’s primary.") == [("said", "no")]
    text = "Trump described the incident as a “terrible situation,” but stopped short of calling it a crime."
    assert contents(text) == [("described", "the incident as a “terrible situation,”")]


def test_a_second_thing_said_or_a_modal_verb_stays_in_what_was_said():
    text = "He said he sympathizes with the victims, but that the law undermines core interests."
    assert contents(text) == [("said", "he sympathizes with the victims, but that the law undermines core interests")]
    text = "The Chinese pledged to cap and then gradually reduce their emissions."
    assert contents(text) == [("pledged", "to cap and then gradually reduce their emissions")]
