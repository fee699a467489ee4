"""Who speaks when the text names a document, an office or a title: a statement speaks for whoever
issued it, "the Texas governor" refers back to the person just quoted, a show's name lends no
speaker to the quotes beside it, and one speaker reported by another is no antecedent for "he"."""

from __future__ import annotations

from framing import analyse
from framing.settings import Settings

PLAIN = Settings(detect_headline=False)


def quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in analyse(text, settings=PLAIN).quotes]


def sources(text: str) -> list[tuple[str, str, str | None]]:
    return [(a.source.name, a.source.kind, a.source.resolved_from) for a in analyse(text, settings=PLAIN).attributions]


def test_the_statement_speaks_for_whoever_issued_it():
    text = (
        '"The president refused to say it," Donald Trump said in a statement released by his campaign.\n\n'
        '"If we do not get tough, we will not have a country," the statement said.'
    )
    assert [s for _, s in quotes(text)] == ["Donald Trump", "Donald Trump"]


def test_a_document_phrase_speaks_for_the_subject_of_its_clause():
    text = (
        "Gov. Rick Perry of Texas is broadcasting a new campaign ad that seems to contrast faith with "
        "politics, and highlights his record."
    )
    assert sources(text)[0] == ("Rick Perry", "person", "document")


def test_a_document_with_no_owner_keeps_its_own_name():
    assert sources("A new report said the economy was shrinking.")[0][:2] == ("new report", "anonymous")


def test_the_office_refers_back_to_the_person_just_quoted():
    text = (
        '"I am not ashamed to admit I am a Christian," says Perry. '
        '"As president, I will end the war on religion," the Texas governor says.'
    )
    assert [s for _, s in quotes(text)] == ["Perry", "Perry"]


def test_the_office_never_goes_to_someone_who_holds_another():
    text = 'President Obama said the deal was good. "It is a bad deal," the governor said.'
    assert quotes(text)[0][1] == "governor"


def test_a_show_title_lends_no_speaker_to_the_next_quote():
    text = (
        '"I want to see the birth certificate," said Trump in an interview on NBC\'s "Today" show, '
        'according to TIME. "How come his own family does not know the hospital?"'
    )
    spoken = dict(quotes(text))
    assert spoken["How come his own family does not know the hospital?"] == "Trump"


def test_a_speaker_reported_inside_another_statement_is_no_antecedent():
    text = (
        "President Donald Trump on Saturday said he appreciates special counsel Robert Mueller releasing a "
        "statement disputing parts of a news report.\n\n"
        '"I thought that the piece was a total phony story," he told reporters.'
    )
    assert quotes(text)[-1][1] == "Donald Trump"


def test_a_hyphenated_modifier_stays_in_the_source_phrase():
    text = 'Rep. Blake Farenthold resigned. "I had no idea how to run an office," the four-term congressman said in December.'
    assert quotes(text)[0][1] == "Blake Farenthold"
    assert sources("The long-serving senator said the bill was dead.")[0][0] == "long-serving senator"


def test_capitalised_words_joined_by_for_name_an_organisation():
    text = 'Democracy for America, the committee founded by Howard Dean, also said: "Look at this cave."'
    assert quotes(text)[0][1] == "Democracy for America"


def test_the_parse_subject_wins_over_a_party_tag_and_a_relative_clause():
    text = 'Sen. John Cornyn, R-TX, who heads the campaign committee, said Tuesday, "I think it is a revelation."'
    assert quotes(text) == [("I think it is a revelation.", "John Cornyn")]


def test_the_subject_not_a_place_inside_its_relative_clause():
    text = (
        "The combative congressman who represents parts of Brooklyn and Queens was sharp tongued, "
        "refusing to answer questions about it."
    )
    assert sources(text)[0][:2] == ("combative congressman", "person")


def test_no_source_from_an_adjective_before_for():
    text = "There was no sign the speculation about who may have been responsible for tweeting the photo was fading."
    assert sources(text) == []


def test_a_prepositional_phrase_after_the_cue_is_no_content():
    text = '"It is garbage, complete and utter lies," Cruz said about the article alleging an affair.'
    assert quotes(text)[0][1] == "Cruz"


def test_an_office_named_by_a_compound_is_another_office():
    text = '"We will win," Peter Strzok said. Later, the inspector general criticized the decision.'
    assert sources(text)[0][0] == "inspector general"


def test_names_keep_their_capitals_and_common_words_do_not():
    assert sources("Peter Strzok has been fired, Mr. Strzok’s lawyer said.")[0][0] == "Mr. Strzok’s lawyer"
    assert sources("The Saudi officials said the plan was dead.")[0][0] == "Saudi officials"
    assert sources("Officials said the plan was dead.")[0][0] == "officials"


def test_a_post_on_a_platform_is_its_authors():
    text = "In a Twitter post, Mr. Trump also referred to the case of a Navy sailor."
    assert sources(text)[0] == ("Trump", "person", "document")


def test_a_speech_tag_with_a_time_stays_with_its_quote():
    assert quotes("“Jail!” Trump said early Tuesday.") == [("Jail!", "Trump")]
    assert quotes("“Go to jail!” Trump said on Tuesday. He left.") == [("Go to jail!", "Trump")]


def test_a_prepositional_phrase_belongs_to_the_source_it_modifies():
    text = "According to a report in Fox News, the sailor had hoped to receive a pardon."
    a = analyse(text, settings=PLAIN).attributions[0]
    assert (a.source.text, a.content.text) == ("a report in Fox News", "the sailor had hoped to receive a pardon")


def test_a_participle_after_a_comma_takes_the_subject_of_its_verb_in_the_parse():
    text = (
        "A day after Trump’s suspension, the Safari Club sent out a “call to arms,” encouraging hunters to "
        "contact Trump and Zinke and “tell them how much you appreciate the efforts.”"
    )
    assert sources(text)[0][:2] == ("Safari Club", "institution")


def test_a_name_with_a_department_word_takes_the_articles_full_name():
    text = 'Ryan Zinke spoke on Monday. Secretary of the Interior Ryan Zinke echoed him, saying the herds are "critical."'
    assert {q[1] for q in quotes(text)} == {"Ryan Zinke"}


def test_hyphenated_names_unify():
    text = 'Rep. Alexandria Ocasio-Cortez spoke on Monday. "We will win," Ocasio-Cortez said.'
    assert quotes(text)[0][1] == "Alexandria Ocasio-Cortez"
    assert sources("President Park Geun-hye said the talks would go on.")[0][:2] == ("Park Geun-hye", "person")


def test_a_first_name_alone_is_never_a_surname():
    assert sources("Hillary Clinton spoke. Later, Hill said the plan was bad.")[0][0] != "Hillary Clinton"
