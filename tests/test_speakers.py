"""Speakers people can trust: entity types decide what can speak, pronouns resolve to the
nearest compatible person in the author's voice, and the parse finds a phrase's head."""

from __future__ import annotations

import pytest

from framing import analyse
from framing.settings import Settings

PLAIN = Settings(detect_headline=False)


def sources(text: str) -> list[tuple[str, str]]:
    a = analyse(text, settings=PLAIN)
    return [(x.source.name, x.source.kind) for x in a.attributions]


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyse(text, settings=PLAIN).quotes]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the parse's head of "X of PLACE" is the person, not the place
        ("Senator Mitch McConnell of Kentucky said the bill would fail.", "Mitch McConnell"),
        ("Representative Nancy Pelosi of California said the vote would wait.", "Nancy Pelosi"),
        # a party tag is never the source
        ("Sen. John Cornyn, R-TX, said the race would tighten.", "John Cornyn"),
    ],
)
def test_the_person_not_the_place_or_party_tag(text, name):
    assert sources(text)[0] == (name, "person")


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON — The Senate voted on Monday to extend the program, officials said.",
        "The plan came in October, the report said.",
    ],
)
def test_places_and_dates_never_speak(text):
    names = {n for n, _ in sources(text)}
    assert not names & {"WASHINGTON", "Washington", "October"}


def test_a_dateline_dash_is_no_verb():
    """The small tagger calls "―" a verb: the dateline before it would become the subject."""
    text = ("WASHINGTON ― President Donald Trump on Tuesday renewed his attack on his “deep state” Justice "
            "Department, and said a top aide to 2016 election rival Hillary Clinton should be jailed.")
    assert "WASHINGTON" not in {n for n, _ in sources(text)}


def test_an_opening_conjunction_and_preposition_are_no_part_of_the_source():
    text = "But with Republicans vowing to deprive Democrats of the votes they need, the bill is stalled."
    assert sources(text) == [("Republicans", "anonymous")]


def test_a_country_speaks_as_its_government():
    assert sources("China said the tariffs were unfair.") == [("China", "institution")]


def test_pronoun_never_goes_to_a_person_named_only_inside_the_quote():
    text = "Mr. Tom Baker opened the meeting. Ms. Ann Lee spoke next. “I told Baker we would win,” she said."
    assert speakers(text) == ["Ann Lee"]


def test_pronoun_gender_from_honorifics():
    text = "Ms. Ann Lee and Mr. Tom Baker met on Monday. “The plan is sound,” he said."
    assert speakers(text) == ["Tom Baker"]


def test_what_he_stood_for_is_no_she_later():
    text = (
        "Ann Lee, the mayor, opened the meeting. Tom Baker spoke next. "
        "“I am proud of the city,” he said. “We will build,” she said."
    )
    assert speakers(text) == ["Tom Baker", "Ann Lee"]


def test_surname_mentions_resolve_to_the_full_name():
    text = (
        "Rep. Todd Akin spoke on Monday. But Akin rebuffed calls to step aside. "
        "“I used the wrong words,” he said."
    )
    assert speakers(text) == ["Todd Akin"]


def test_no_person_in_the_article_leaves_the_pronoun_unresolved():
    a = analyse("“We will win,” she said.", settings=PLAIN)
    assert a.quotes[0].source is not None and a.quotes[0].source.kind == "unresolved"


def test_syntactic_head_of_a_phrase():
    from framing.model import Span
    from framing.nlp.segment import segment
    from framing.voice.naming import syntactic_head

    text = "Senator Mitch McConnell of Kentucky said it."
    toks = segment(text, (Span(0, len(text), text),)).tokens
    assert syntactic_head(toks[:5]).text == "McConnell"


def test_first_name_gender_from_the_census_table():
    text = (
        "Host Meredith Vieira asked Tom Baker about the plan. "
        "“We will build it,” he said."
    )
    assert speakers(text) == ["Tom Baker"]


def test_the_role_goes_to_the_person_introduced_with_it():
    text = "President Obama spoke on Thursday. “I know how hard this job can be,” the president said."
    assert speakers(text) == ["Obama"]


def test_a_name_after_an_agency_and_a_job_title_is_a_person():
    # "FBI Special Agent Peter Strzok": the agency opens the capitalised run, yet the recogniser's
    # PERSON words at its end are a person, whose surname later is the subject "he" refers back to
    text = (
        "WASHINGTON ― FBI Special Agent Peter Strzok, who criticized President Donald Trump in "
        "texts, has been fired from the bureau.\n\n"
        "Strzok exchanged texts with former FBI official Lisa Page that disparaged Trump. "
        "He testified last month before the House."
    )
    assert ("Peter Strzok", "person") in sources(text)
    assert sources(text)[-1] == ("Peter Strzok", "person")


@pytest.mark.parametrize(
    "text",
    [
        "Aitan Goelman, Strzok’s attorney, said in a statement that the firing was political. "
        "“This decision should be deeply troubling,” the attorney said.",
        "Mr. Strzok’s lawyer, Aitan Goelman, said the firing was political. "
        "“This decision should be deeply troubling,” the lawyer said.",
        "Strzok attorney Aitan Goelman said the firing was political. "
        "“This decision should be deeply troubling,” his lawyer said.",
    ],
)
def test_a_name_in_apposition_with_a_job_is_that_person_with_that_role(text):
    # the small recogniser calls "Aitan Goelman" an organisation; the apposition with a job
    # noun says it is a person, and "the attorney" / "his lawyer" later is the same person
    assert sources(text)[0] == ("Aitan Goelman", "person")
    assert speakers(text) == ["Aitan Goelman"]


def test_the_owner_of_a_role_lends_it_no_title():
    # "Mr. Christie's lieutenant governor" is not Mr. Christie, whose "Mr." is no role of hers
    text = (
        "Gov. Chris Christie spoke on Monday. On Saturday, the mayor of Hoboken, Dawn Zimmer, said "
        "Mr. Christie’s lieutenant governor had threatened in May to withhold federal recovery aid "
        "unless she supported a development."
    )
    threatened = [name for name, _ in sources(text) if "Christie" in name or "governor" in name]
    assert threatened and all(name not in ("Christie", "Chris Christie") for name in threatened)


@pytest.mark.parametrize(
    "text",
    [
        "Former President George W. Bush led the war. The Bush Doctrine argued for preventive strikes.",
        "The emails were released on Friday. Nothing in the emails supports theories that the attack was planned.",
        "Presidents have declared national emergencies dozens of times, experts said.",
    ],
)
def test_capitalised_words_that_name_no_one_are_no_person(text):
    # neither the recogniser nor the article makes "Bush Doctrine", "Nothing" or "Presidents" a person
    assert all(kind != "person" for name, kind in sources(text) if name in ("Bush Doctrine", "Nothing", "Presidents"))
    assert any(name in ("Bush Doctrine", "Nothing", "Presidents") for name, _ in sources(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Some in the GOP have called for cuts in military spending.", "Some in the GOP"),
        ("The talks stalled, two of the officials said.", "two of the officials"),
    ],
)
def test_part_of_a_group_is_named_whole(text, name):
    # a quantifier and a preposition before the group: the source is part of it, named as written
    # (not "in the GOP", "of the officials")
    assert sources(text)[0] == (name, "anonymous")


def _named(text: str, written: str) -> str:
    return next(a.source.name for a in analyse(text, settings=PLAIN).attributions if a.source.text == written)


def test_a_first_name_only_one_person_carries_is_that_person():
    text = (
        "Former Florida Gov. Jeb Bush announced his bid on Monday. Jeb, as his campaign calls him, "
        "said he supported the invasion."
    )
    assert _named(text, "Jeb") == "Jeb Bush"


def test_a_first_name_two_people_carry_stays_as_written():
    text = (
        "President Donald Trump met Prime Minister Donald Tusk on Monday. Donald said the talks went well."
    )
    assert _named(text, "Donald") == "Donald"


def test_a_first_name_makes_a_person_the_recogniser_missed():
    # the small recogniser calls "Twitter's Adam Sharp" a work of art; "Adam" is a first name,
    # so "He" after his quote is him, not the congressman named before
    text = (
        "Rep. Anthony Weiner said his account was hacked. "
        '"While we will not comment on individual accounts, news reports are a good reminder," '
        "Twitter's Adam Sharp wrote. He urged offices to use a strong password."
    )
    assert sources(text)[-1] == ("Adam Sharp", "person")


def test_a_first_name_before_an_acronym_is_no_person():
    text = "Make America Awesome PAC paid for the ads on Facebook. The super PAC said the ads were fair."
    assert all(kind != "person" for _, kind in sources(text))


def test_a_capitalised_plural_opening_the_sentence_is_an_unnamed_group():
    assert sources("Proponents say the law should allow business owners to refuse service.") == [("Proponents", "anonymous")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Many said they showed up because of the sandwiches.", "Many"),
        ("The reaction would be different this time, some said.", "some"),
    ],
)
def test_a_quantifier_alone_is_an_unnamed_group_with_a_name_to_show(text, name):
    assert (name, "anonymous") in sources(text)


def test_a_coordinated_verb_speaks_for_its_own_clause_subject():
    # "vowed" goes with "continued", whose subject is the congressman, not with the sentence's
    # first speaker (Romney)
    text = (
        "Mitt Romney joined several other Republicans Tuesday in calling on Missouri Rep. Todd Akin to "
        "give up his bid, as the Republican congressman continued to hold his ground and vowed to stay in the race."
    )
    assert _named(text, "the Republican congressman") == "Todd Akin"


def test_a_coordinated_verb_after_a_reported_clause_keeps_the_speaker():
    # the small parser joins the second "said" to "ruined", inside what Trump said
    text = (
        "President Trump on Monday said the F.B.I. ruined the life of his former adviser and said his "
        "opponent suffered no consequences."
    )
    assert {a.source.name for a in analyse(text, settings=PLAIN).attributions} == {"Trump"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Administration officials cited dozens of earlier declarations.", "administration officials"),
        ("Campaign aides say his path will be hard.", "campaign aides"),
    ],
)
def test_a_capital_that_only_opens_the_sentence_names_no_institution(text, name):
    assert sources(text)[0] == (name, "anonymous")


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON -- President Barack Obama on Friday defended the programs, saying that Congress was fully briefed.",
        "WASHINGTON (AP) — President Barack Obama on Friday defended the programs, saying that Congress was fully briefed.",
    ],
)
def test_a_dateline_is_never_the_source(text):
    assert {name for name, _ in sources(text)} == {"Barack Obama"}


def test_a_hyphen_after_capitals_is_no_dateline():
    a = analyse("U.S.-China relations have soured, officials said.", settings=PLAIN)
    assert [x.content.text for x in a.attributions] == ["U.S.-China relations have soured"]


@pytest.mark.parametrize(
    "text",
    [
        "Members of Congress are aware of the program, the newspaper reported.",
        "All 42 members of the GOP caucus said they would sign the letter.",
    ],
)
def test_members_of_an_institution_are_unnamed_people_not_the_institution(text):
    kinds = {name: kind for name, kind in sources(text)}
    members = [name for name in kinds if "members" in name.lower()]
    assert members and all(kinds[name] == "anonymous" for name in members)


@pytest.mark.parametrize(
    "text",
    [
        "Those states offer an array of different approaches.",
        "Scholars object to his recent comments defending the budget on Christian grounds.",
    ],
)
def test_a_plural_word_of_saying_is_no_group_of_people(text):
    assert ("states", "anonymous") not in sources(text) and ("recent comments", "anonymous") not in sources(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # adverbs of the verb, chained or negated, as the parse attaches them
        ("World leaders and diplomats almost universally expressed outrage over the test.", "diplomats"),
        ("The report not only criticized his conduct but also said the bias had no effect.", "report"),
        # an auxiliary the tagger calls a verb
        ("At the very least, the mayor has yet to explain why the loopholes should stay.", "mayor"),
        # a reflexive and a floated quantifier
        ("Trump himself has repeatedly claimed that the vote was rigged.", "Trump"),
        ("The senators both said they would vote against the bill.", "senators"),
    ],
)
def test_the_words_between_a_source_and_its_verb_come_from_the_parse(text, name):
    assert [n for n, _ in sources(text)] == [name]


def test_a_particle_inside_a_recognised_name_is_part_of_it():
    text = (
        "Ms. Feinstein has tacked to the left since Kevin de Léon, the president of the California "
        "State Senate, announced his challenge to her in October. Mr. de Léon said Monday that "
        "Democrats had made a grave mistake."
    )
    assert [n for n, _ in sources(text)] == ["Kevin de Léon", "Kevin de Léon"]


def test_the_parse_ends_a_passive_agent_phrase():
    text = "The senator had been lauded by their progressive base even as federal workers were furloughed."
    assert sources(text) == [("progressive base", "anonymous")]


def test_a_place_modifying_the_speaker_is_no_speaker():
    text = "“Let the Senate know we stand with them,” tweeted the Brooklyn, N.Y., chapter of Indivisible Nation."
    assert speakers(text) == ["Brooklyn, N.Y., chapter of Indivisible Nation"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Faiz Shakir, the political director of the union, said the group and its allies were exploring places.", "Faiz Shakir"),
        ("Former Senator Byron L. Dorgan, Democrat of North Dakota, said Democrats from rural states would prefer to wait.", "Byron L. Dorgan"),
        ("Faiz Shakir, the director, said Trump, who spoke on Monday, was wrong.", "Faiz Shakir"),
        ("Mr. Pence, briefing reporters after the remarks, said the speech, which was long, reflected a process.", "Pence"),
    ],
)
def test_a_verb_with_its_subject_before_it_is_not_inverted(text, name):
    assert sources(text)[0] == (name, "person")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the parse takes "comments", "plan", "deal" for the subject of "said"; the verb and its
        # source stand in commas inside the clause, so the phrase after the verb speaks
        ("Her comments, said Josh Earnest, the White House press secretary, are consistent with policy.", "Josh Earnest"),
        ("The plan, said a White House spokesman, will cost billions.", "a White House spokesman"),
        ("The deal, said Smith, is dead.", "Smith"),
    ],
)
def test_a_verb_and_its_source_in_commas_inside_a_clause_are_inverted(text, source):
    assert [a.source.text for a in analyse(text + "\n", settings=Settings(detect_headline=False)).attributions] == [source]


def test_an_indefinite_role_is_an_unnamed_source_not_the_person_who_holds_it():
    text = (
        "Senator Amy Klobuchar of Minnesota spoke first. Mr. Schumer urged the liberals to hold their "
        "fire, according to one senator who spoke on the condition of anonymity. A senator said it was over."
    )
    found = sources(text)
    assert ("Amy Klobuchar", "person") not in found
    assert found.count(("senator", "anonymous")) == 2


def test_a_role_in_apposition_to_a_name_is_that_name():
    text = "He is friendly with Attorney General Jeff Sessions, a former senator, who has told aides that the vote is safe."
    assert sources(text) == [("Jeff Sessions", "person")]


def test_a_statement_ends_where_a_conjoined_clause_has_its_own_long_subject():
    text = (
        "House Minority Leader Nancy Pelosi tweeted about her opposition to the restaurant, and West "
        "Hollywood bar The Abbey introduced a sandwich as a protest against the chain."
    )
    a = analyse(text, settings=PLAIN)
    assert [x.content.text for x in a.attributions] == ["about her opposition to the restaurant"]


def test_a_place_in_commas_before_the_verb_is_not_the_speaker():
    text = (
        "Chris Johnson said the deal was fine. After the mayors heaped scorn upon the company, the mayor "
        "of Washington, DC, suggested it was peddling “hate chicken.”"
    )
    # the phrase the place belongs to, never the place, nor a person who spoke before
    assert [n for n, _ in sources(text)] == ["Chris Johnson", "mayor of Washington, DC"]
    assert speakers(text) == ["mayor of Washington, DC"]


def test_a_person_subject_keeps_the_statement_when_a_name_follows_the_verb():
    text = (
        "Sen. Mitt Romney, R-Utah, whose views on the president have fluctuated, said Trump "
        "\"put forth a reasonable, good faith proposal.\""
    )
    assert sources(text)[0] == ("Mitt Romney", "person") and speakers(text) == ["Mitt Romney"]


def test_a_role_renaming_a_name_is_that_person_even_when_others_hold_the_role():
    text = (
        "Mr. Lieberman, a former senator, is the front-runner. He is also friendly with Attorney General "
        "Jeff Sessions, a former senator, who has told aides that Mr. Lieberman would win support."
    )
    assert ("Jeff Sessions", "person") in sources(text)


def test_a_known_person_is_a_person_whatever_entity_type_the_recogniser_gives():
    # the small recogniser calls this "Pelosi" an event
    text = (
        "House Speaker Nancy Pelosi spoke. Before Trump made his announcement, Pelosi had called his "
        "anticipated proposal “a non-starter.”"
    )
    assert sources(text) == [("Nancy Pelosi", "person")] and speakers(text) == ["Nancy Pelosi"]


def test_a_name_in_apposition_after_the_source_phrase_is_the_speaker():
    text = (
        "Another leading Dem, Sen. Kristen Gillibrand of New York, who announced her White House bid on "
        "Jan. 15, said Trump's offer was a \"bad deal.\""
    )
    assert sources(text)[-1] == ("Kristen Gillibrand", "person") and speakers(text) == ["Kristen Gillibrand"]


def test_the_parse_finds_who_a_relative_clause_after_a_place_in_commas_stands_for():
    text = (
        "Reporters found Sheriff Adam Hayward of Deuel County, Neb., who said that he was gratified "
        "that the two states were challenging the law."
    )
    assert sources(text) == [("Adam Hayward", "person")]


def test_a_word_more_often_a_noun_than_a_verb_is_no_cue_where_the_parse_reads_a_noun():
    assert sources("The laws in Colorado and Washington state, as well as those in Oregon, are at risk.") == []


def test_a_sentence_of_source_and_verb_after_a_quote_speaks_that_quote():
    text = (
        "Trump lashed out at Abedin on Tuesday.\n\n“Crooked Hillary Clinton’s top aide has been accused of "
        "disregarding basic security protocols. Jail!” Trump tweeted early Tuesday."
    )
    a = analyse(text, settings=PLAIN)
    assert [q.speaker for q in a.quotes] == ["Trump"]
    assert all(x.content.text != "early Tuesday" for x in a.attributions)


def test_a_name_in_commas_after_an_office_of_a_place_is_the_speaker():
    # the parse hangs "Dawn Zimmer" on "Hoboken"; she is the mayor who speaks
    text = "On Saturday, the mayor of Hoboken, Dawn Zimmer, said the governor's office had threatened to withhold aid."
    assert sources(text)[0] == ("Dawn Zimmer", "person")


def test_the_parse_subject_ends_a_source_phrase_that_runs_into_a_time():
    text = "The subpoenas were disclosed Thursday, the same day the Republican governor's campaign announced it had hired a law firm."
    assert [n for n, _ in sources(text)] == ["Republican governor's campaign"]


def test_an_owner_in_commas_after_the_speaker_is_not_the_speaker():
    text = (
        "Rep. Blake Farenthold spoke. “He is waiting on the advice of counsel,” Bob Haueter, Farenthold’s "
        "chief of staff, told HuffPost at the time."
    )
    assert speakers(text) == ["Bob Haueter"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It was possible that Wal-Mart could refute the claims at a trial.", "Wal-Mart"),
        ("BuzzFeed Editor-in-Chief Ben Smith said it stands by its reporting.", "Ben Smith"),
        ("And more than a half-dozen House and Senate Democrats also have said they will skip it.", "Senate Democrats"),
        ("Drivers interviewed at stations in the city said prices rose.", "Drivers"),
    ],
)
def test_the_parse_subject_leaves_a_source_phrase_as_it_was(text, name):
    assert sources(text)[0][0] == name


def test_a_clause_before_a_preposition_is_no_part_of_the_source():
    text = "He wrote that his work as a pastor helps him understand how politics works."
    assert [n for n, _ in sources(text)] == ["he"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The U.S. Fish and Wildlife Service said in a written notice that the rule would change.", "U.S. Fish and Wildlife Service"),
        ("Law enforcement agencies have long said anecdotally that they see more cases.", "law enforcement agencies"),
    ],
)
def test_the_source_phrase_reaches_as_far_as_the_parse_subject(text, name):
    assert sources(text)[0][0] == name


@pytest.mark.parametrize(
    "text",
    [
        "Trump said on NBC’s “Meet the Press” on Sunday that the deal was dead.",
        "Sanders told MSNBC's \"Morning Joe\" that nobody would question her intelligence.",
        "“We are done,” said Trump in an interview on NBC’s “Today” show, according to TIME.",
    ],
)
def test_the_name_of_a_show_is_no_ones_quote(text):
    quotes = analyse(text, settings=Settings(detect_headline=False)).quotes
    titles = [q for q in quotes if q.text in ("Meet the Press", "Morning Joe", "Today")]
    assert titles and all(q.speaker is None for q in titles)


def test_a_pronoun_with_is_before_a_quote_does_not_make_it_a_title():
    text = "Mr. Williams said he’s “a big Second Amendment Guy” and would not change."
    [q] = analyse(text, settings=Settings(detect_headline=False)).quotes
    assert q.speaker == "Williams" or q.speaker == "Mr. Williams"


def test_a_title_picks_the_one_of_a_shared_surname_it_fits():
    text = (
        "President Donald Trump met his daughter Ivanka Trump on Monday. Ivanka Trump said the visit "
        "went well. Mr. Trump said the talks were productive."
    )
    assert sources(text) == [("Ivanka Trump", "person"), ("Donald Trump", "person")]


def test_a_title_of_the_other_sex_never_takes_the_full_name():
    text = "Hillary Clinton spoke at the summit on Monday. Mr. Clinton said the talks were productive."
    assert sources(text) == [("Clinton", "person")]


def test_a_sentence_opening_word_before_a_surname_is_no_first_name():
    text = "Hillary Clinton spoke in Ohio. Injecting Clinton’s troubles into the race was a mistake, Mr. Jones said. Clinton said she would win."
    assert ("Hillary Clinton", "person") in sources(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Hillary Clinton spoke on Monday. A lawyer for Mrs. Clinton said there was no need.", "lawyer for Mrs. Clinton"),
        ("A spokesperson for Vice President Mike Pence said the trip was off.", "spokesperson for Vice President Mike Pence"),
        ("A friend of Mr. Trump said he was angry.", "friend of Mr. Trump"),
    ],
)
def test_someone_speaking_for_a_person_is_not_that_person(text, name):
    assert sources(text) == [(name, "anonymous")]


def test_a_name_after_the_role_it_holds_still_speaks():
    assert sources("Secretary of State John Kerry said the deal was done.") == [("John Kerry", "person")]


def test_a_quote_opening_the_paragraph_after_a_colon_is_what_the_frame_before_introduced():
    text = (
        "Trump responded to Cruz's allegations in a statement on Friday afternoon:\n\n"
        "“I have no idea whether or not the story is true.”"
    )
    assert speakers(text) == ["Trump"]
    text = "Fox tweeted his own recollection in response:\n\n“I invited you to come and apologize.”"
    analysis = analyse(text, settings=PLAIN)
    assert [q.speaker for q in analysis.quotes] == ["Fox"] and analysis.attributions == ()


def test_a_colon_after_a_verb_inside_another_clause_introduces_nothing():
    text = (
        "The bias begins to show when looking at how the website rated this statement by Trump on June 11:\n\n"
        "“If you look at what is going on in this country, it is bad.”"
    )
    assert speakers(text) != ["bias"]


def test_a_relative_clause_is_no_part_of_the_source_name():
    text = "One Facebook user who lives near Austin, Tex., posted this status update:\n\n“It has been really disconcerting.”"
    assert speakers(text) == ["Facebook user"]


def test_a_participle_speaks_for_the_clauses_subject_not_for_an_owner_in_its_object():
    text = (
        "President Donald Trump spoke on Monday. Trump celebrated Strzok’s firing on Twitter, writing that "
        "the list of bad players was getting longer."
    )
    assert sources(text) == [("Donald Trump", "person")]


def test_a_quote_paragraph_after_a_statement_ending_the_paragraph_before_is_that_speakers():
    text = "Rubio also said that the embargo should stay in place.\n\n“We cannot reward a regime that jails its critics.”"
    assert speakers(text) == ["Rubio"]
    text = "Rubio also said that the embargo should stay in place. The crowd cheered.\n\n“We cannot reward a regime.”"
    assert speakers(text) == [None]  # the author's sentence comes between


def test_a_participle_in_commas_after_the_subject_speaks_for_that_subject_up_to_the_main_verb():
    text = "Senior administration officials, discussing that internal review, relayed the figures."
    analysis = analyse(text, settings=PLAIN)
    assert [(a.source.name, a.content.text) for a in analysis.attributions] == [
        ("senior administration officials", "that internal review")
    ]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Boehner said Republicans must win what aides called “orphan districts” this fall.", "aides"),
        ("Pelosi said Trump called the wall “a beautiful thing” on Monday.", "Trump"),
        ("Netanyahu said Israelis might not know the results “in record time.”", "Netanyahu"),
    ],
)
def test_a_quote_a_cue_names_something_with_is_that_cues_sources_words(text, speaker):
    assert speakers(text) == [speaker]


def test_a_document_that_reads_speaks():
    assert speakers("The letter reads: “We will not comply.”") == ["letter"]
    assert speakers("He reads books every night. “I love them,” he said.") == ["he"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Government officials, who asked not to be identified because the matter is sensitive, said that no law was broken.",
         "government officials"),
        ("The real estate mogul and reality TV star said the debate was rigged.", "real estate mogul and reality TV star"),
    ],
)
def test_the_parse_subject_speaks_where_no_source_phrase_ends_before_the_verb(text, name):
    assert [s for s, _ in sources(text)] == [name]
