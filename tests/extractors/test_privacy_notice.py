"""Privacy notices: controllers, NHS England as a source, the national data opt-out, the lawful basis and
people's rights, each in several phrasings written for these tests, and what must not count."""

from __future__ import annotations

import pytest

from extractors.documents.privacy_notice import extract_privacy_notice
from extractors.facts import DocumentFacts
from pipeline.model import Block, Document, ParsedDocument, Part, Status
from tests.extractors.doc_helpers import docx_document, pdf_document


def notice_facts(paragraphs: list[str]) -> DocumentFacts:
    facts = DocumentFacts(kind="privacy_notice")
    extract_privacy_notice(docx_document(paragraphs, path="privacy-notice.docx"), facts)
    return facts


def values(facts: DocumentFacts, name: str) -> list:
    return [fact.value for fact in facts.named(name)]


# --- controllers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Under data protection law, the University of Sheffield is the data controller for this project.",
            ["University of Sheffield"],
        ),
        (
            "The controller for the research is Leeds Teaching Hospitals NHS Trust, which decides why and how your "
            "data are used.",
            ["Leeds Teaching Hospitals NHS Trust"],
        ),
        (
            "Queen Mary University of London is the sponsor of the trial and will act as the data controller.",
            ["Queen Mary University of London"],
        ),
        (
            "Birmingham Women's and Children's NHS Foundation Trust and the University of Birmingham are joint "
            "controllers of the study data.",
            ["Birmingham Women's and Children's NHS Foundation Trust", "University of Birmingham"],
        ),
        (
            'We use Northgate Clinical Analytics Ltd (the "controller") to hold the registry.',
            ["Northgate Clinical Analytics Ltd"],
        ),
        ("Data controller: King's College London (KCL)", ["King's College London"]),
        (
            "The joint data controllers are Cardiff University and Public Health Wales.",
            ["Cardiff University", "Public Health Wales"],
        ),
        # The subject, a long verb phrase, then "and will act as": the subject is the controller.
        (
            "Keele University, as sponsor, will collect details from you and your GP records to run this trial "
            "and will act as the data controller for it.",
            ["Keele University"],
        ),
        ("Newcastle University is the 'Data Controller' for this research.", ["Newcastle University"]),
        (
            "Swansea University is the \u2018joint data controller\u2019 with the health board.",
            ["Swansea University"],
        ),
        # A field lists its values, each on the line.
        (
            "Data controller(s): NORTH WEST ANGLIA NHS FOUNDATION TRUST, UNIVERSITY OF EAST ANGLIA\nAccess: ongoing",
            ["NORTH WEST ANGLIA NHS FOUNDATION TRUST", "UNIVERSITY OF EAST ANGLIA"],
        ),
        ("Controller name: Tessera Cohort Services Ltd\nPurpose: research", ["Tessera Cohort Services Ltd"]),
        # A registered company keeps a first word that elsewhere opens a sentence.
        ("Our Bright Futures Limited is the data controller.", ["Our Bright Futures Limited"]),
        ("The study runs across Wales. Bangor University is the data controller.", ["Bangor University"]),
        ("St. Helens Health Co. Ltd is the data controller.", ["St. Helens Health Co. Ltd"]),
        (
            "Cardiff University, through its Centre for Trials Research, will hold your details and will act as the "
            "data controller.",
            ["Cardiff University"],
        ),
    ],
)
def test_privacy_notice_controller_named(sentence: str, names: list[str]) -> None:
    facts = notice_facts(["Who is responsible for your data?", sentence])
    assert values(facts, "controller_named") == names
    fact = facts.named("controller_named")[0]
    assert names[0] in fact.evidence.quote and fact.evidence.location == "paragraph 2"


@pytest.mark.parametrize(
    "sentence",
    [
        "The University is the data controller.",
        "Acme Survey Services Ltd is not a controller: it acts only on our instructions.",
        "A data controller decides how personal data are processed.",
        "Our University is the data controller.",
        "This Trust will act as the data controller.",
        "Professor Amir Shah is the data controller's representative for this study.",
        "The research team will read your answers and the ethics committee is a data controller in law.",
    ],
)
def test_privacy_notice_no_controller_named(sentence: str) -> None:
    assert notice_facts([sentence]).named("controller_named") == []


# --- NHS England as a source -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        ("We obtain information about your hospital stays from NHS England.", "NHS England"),
        ("Records of deaths are provided by NHS Digital under a data sharing agreement.", "NHS Digital"),
        ("Each year NHS England will send us updated information about any cancer diagnoses.", "NHS England"),
        (
            "Sources of your data: your GP practice, the clinic and the Health and Social Care Information Centre "
            "(HSCIC).",
            "Health and Social Care Information Centre",
        ),
        (
            "We pass your NHS number to NHS Digital, which returns your hospital records to the research team "
            "without your name.",
            "NHS Digital",
        ),
        (
            "Your postcode and date of birth go to the HSCIC, which links them with hospital episode records.",
            "HSCIC",
        ),
    ],
)
def test_privacy_notice_source_nhs_england(sentence: str, body: str) -> None:
    facts = notice_facts([sentence])
    fact = facts.named("source_nhs_england")[0]
    assert fact.detail == {"body": body}
    assert body in fact.evidence.quote


def test_privacy_notice_source_named_by_pronoun_in_next_sentence() -> None:
    facts = notice_facts(
        [
            "We will give your study number and NHS number to NHS Digital. They will then send us details of any "
            "hospital admissions."
        ]
    )
    fact = facts.named("source_nhs_england")[0]
    assert fact.detail == {"body": "NHS Digital"} and "They will then send us" in fact.evidence.quote


def test_privacy_notice_source_in_a_table_of_sources() -> None:
    rows = [
        ("Source", "What we receive"),
        ("Your hospital", "Clinic letters"),
        ("NHS England", "Death registrations"),
    ]
    blocks = [Block(index=0, text="Where your data come from", paragraph=1)] + [
        Block(index=i + 1, text=" | ".join(cells), part=Part.TABLE, table=1, row=i + 1, cells=cells)
        for i, cells in enumerate(rows)
    ]
    document = Document("pn.docx", 100, "sha", Status.OK, parsed=ParsedDocument("docx", blocks))
    facts = DocumentFacts(kind="privacy_notice")
    extract_privacy_notice(document, facts)
    fact = facts.named("source_nhs_england")[0]
    assert fact.evidence.location == "table 1, row 3"


@pytest.mark.parametrize(
    "sentence",
    [
        "We will send your name, date of birth and postcode to NHS England so that they can find your records.",
        "Your NHS number will be shared with NHS Digital for linkage.",
        "We send your details to NHS England for linkage with hospital records.",
        "We will not receive any information from NHS Digital.",
        "NHS England took over NHS Digital in February 2023.",
    ],
)
def test_privacy_notice_nhs_england_as_recipient_is_not_a_source(sentence: str) -> None:
    assert notice_facts([sentence]).named("source_nhs_england") == []


# --- the national data opt-out ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "If you have registered a national data opt-out, your records will be removed before linkage.",
        "You can choose to opt out of your confidential patient information being used for research and planning.",
        "To find out more or to register your choice, visit www.nhs.uk/your-nhs-data-matters.",
        "We comply with the National Opt-Out.",
    ],
)
def test_privacy_notice_opt_out_mentioned(sentence: str) -> None:
    facts = notice_facts([sentence])
    assert values(facts, "opt_out_mentioned") == ["national_data_opt_out"]
    assert facts.named("opt_out_mentioned")[0].detail is None


def test_privacy_notice_opt_out_that_does_not_apply_is_still_mentioned() -> None:
    facts = notice_facts(
        ["Because you gave consent, the national data opt-out does not apply to this study."]
    )
    assert facts.named("opt_out_mentioned")[0].detail == {"applies": False}


@pytest.mark.parametrize(
    "sentence",
    [
        "You can withdraw from the study at any time without giving a reason.",
        "You may opt out of the study by emailing the team.",
        "If you would like to leave the trial, please tell your research nurse.",
    ],
)
def test_privacy_notice_study_withdrawal_is_not_the_opt_out(sentence: str) -> None:
    assert notice_facts([sentence]).named("opt_out_mentioned") == []


# --- lawful basis ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "article6", "article9"),
    [
        (
            "Our lawful basis is Article 6(1)(e) of the UK GDPR and, for health data, Article 9(2)(j).",
            ["6(1)(e)"],
            ["9(2)(j)"],
        ),
        ("We process your data under art. 6.1.f and art. 9.2.h UK GDPR.", ["6(1)(f)"], ["9(2)(h)"]),
        ("Processing relies on UK GDPR 6(1)(a) and 9(2)(a).", ["6(1)(a)"], ["9(2)(a)"]),
        (
            "The legal basis we rely on is public task, and for special category data the condition is scientific "
            "research purposes.",
            ["6(1)(e)"],
            ["9(2)(j)"],
        ),
        (
            "As a company we rely on legitimate interests as our lawful basis; the special category condition is "
            "archiving, research and statistics.",
            ["6(1)(f)"],
            ["9(2)(j)"],
        ),
        (
            "Under data protection law we process health data because it is necessary for the provision of health or "
            "social care.",
            [],
            ["9(2)(h)"],
        ),
        (
            "Our legal basis is that processing is necessary for reasons of public interest in the area of public "
            "health.",
            [],
            ["9(2)(i)"],
        ),
    ],
)
def test_privacy_notice_lawful_basis(sentence: str, article6: list[str], article9: list[str]) -> None:
    facts = notice_facts([sentence])
    assert sorted(set(values(facts, "lawful_basis_article6"))) == article6
    assert sorted(set(values(facts, "lawful_basis_article9"))) == article9


def test_privacy_notice_lawful_basis_under_a_heading() -> None:
    facts = notice_facts(
        ["Our legal basis under the UK GDPR", "Public task: research is one of our public functions."]
    )
    fact = facts.named("lawful_basis_article6")[0]
    assert fact.value == "6(1)(e)" and fact.evidence.location == "paragraph 2"


@pytest.mark.parametrize(
    "sentence",
    [
        "Taking part is voluntary: we will ask for your consent to take part before you join.",
        "We do not rely on consent as our lawful basis under the UK GDPR.",
        "Your consent to take part is how we meet the common law duty of confidentiality, not our GDPR basis.",
        "This is a scientific research study about asthma.",
        "The hospital has a legal duty to keep accurate records.",
    ],
)
def test_privacy_notice_not_a_lawful_basis(sentence: str) -> None:
    facts = notice_facts([sentence])
    assert facts.named("lawful_basis_article6") == [] and facts.named("lawful_basis_article9") == []


def test_privacy_notice_consent_stated_as_the_basis_counts() -> None:
    facts = notice_facts(["The legal basis for processing your personal data is your consent."])
    assert values(facts, "lawful_basis_article6") == ["6(1)(a)"]


# --- rights ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("You have the right to object to us processing your personal data.", "right_to_object"),
        ("You can object at any time by writing to the Data Protection Officer.", "right_to_object"),
        ("You may opt out of the registry by calling 0113 496 0000.", "opt_out"),
        ("If you would prefer not to have your data included, please email the study team.", "dissent"),
        ("You can ask us to stop using your information at any time.", "stop_use"),
    ],
)
def test_privacy_notice_rights_objection(sentence: str, value: str) -> None:
    assert value in values(notice_facts([sentence]), "rights_objection")


@pytest.mark.parametrize(
    "sentence",
    [
        "If you are unhappy with our response you can complain to the Information Commissioner's Office.",
        "You have the right to lodge a complaint with the ICO.",
        "More information about your rights is available at ico.org.uk.",
    ],
)
def test_privacy_notice_rights_ico(sentence: str) -> None:
    facts = notice_facts([sentence])
    assert values(facts, "rights_ico") == ["ico"]


def test_privacy_notice_ico_registration_is_not_a_right() -> None:
    facts = notice_facts(["The University is registered with the ICO (registration number Z5678901)."])
    assert facts.named("rights_ico") == []


def test_privacy_notice_withdrawal_alone_is_not_objection() -> None:
    facts = notice_facts(["You are free to withdraw from the study at any time."])
    assert facts.named("rights_objection") == []


def test_privacy_notice_facts_from_a_pdf_page_keep_the_page() -> None:
    document = pdf_document(
        [
            "Privacy notice\nWho we are",
            "Complaints\nYou can complain to the Information Commissioner's Office\n"
            "at www.ico.org.uk or by telephone.",
        ]
    )
    facts = DocumentFacts(kind="privacy_notice")
    extract_privacy_notice(document, facts)
    assert facts.named("rights_ico")[0].evidence.page == 2


def test_privacy_notice_source_in_a_pdf_table_read_on_demand() -> None:
    rows = [("Source", "What we receive"), ("NHS Digital", "Hospital admissions")]

    def load_tables(pages: list[int], first_index: int, tables_before: int) -> list[Block]:
        return [
            Block(
                index=first_index + i,
                text=" | ".join(c),
                part=Part.TABLE,
                page=1,
                table=tables_before + 1,
                row=i + 1,
                cells=c,
            )
            for i, c in enumerate(rows)
        ]

    page = Block(
        index=0,
        text="Where we get your data\nSource What we receive\nNHS Digital Hospital admissions",
        page=1,
    )
    parsed = ParsedDocument("pdf", [page], pages=1, table_pages=(1,), table_loader=load_tables)
    document = Document("pn.pdf", 100, "sha", Status.OK, parsed=parsed)
    facts = DocumentFacts(kind="privacy_notice")
    extract_privacy_notice(document, facts)
    fact = facts.named("source_nhs_england")[0]
    assert fact.evidence.location == "page 1, table 1, row 2" and fact.detail == {"body": "NHS Digital"}


@pytest.mark.parametrize(
    ("paragraphs", "source"),
    [
        (
            [
                "We receive information about later hospital admissions, outpatient appointments, critical care stays "
                "and deaths from NHS England."
            ],
            True,
        ),
        (["NHS Digital provides information about later hospital admissions and deaths."], True),
        (
            [
                "Where your information comes from",
                "From you, from your clinic, and from NHS Digital (now NHS England).",
                "Your rights",
            ],
            True,
        ),
        (
            [
                "Where your information comes from",
                "We collect it from you directly.",
                "Who we share it with",
                "We send your NHS number to NHS England.",
            ],
            False,
        ),
        (["We will send your NHS number to NHS England so that it can be linked."], False),
    ],
)
def test_privacy_notice_source_phrasings_beyond_a_sentence(paragraphs: list[str], source: bool) -> None:
    from tests.extractors.doc_helpers import docx_document, facts_of

    notice = docx_document(["How we use your personal information", *paragraphs], title_style=True)
    assert bool(facts_of(notice).named("source_nhs_england")) is source


# Class: statements, not mentions, for the rights and the article 9 condition.
@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("The ICO published guidance on research data last year.", "rights_ico"),
        ("The Information Commissioner's Office issued a report on cohort studies.", "rights_ico"),
        ("Your right to object ............ 12", "rights_objection"),
        ("Complaints to the ICO\t14", "rights_ico"),
        ("We hold your answers for research purposes under data protection law.", "lawful_basis_article9"),
    ],
)
def test_privacy_notice_mentions_that_state_no_right_or_condition(sentence: str, name: str) -> None:
    assert notice_facts(["Contents", sentence]).named(name) == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("If you wish to raise a complaint, you can contact the ICO at ico.org.uk.", "rights_ico"),
        ("You may lodge a complaint with the Information Commissioner's Office.", "rights_ico"),
        (
            "Our lawful basis for special category data is that processing is necessary for scientific or "
            "historical research purposes.",
            "lawful_basis_article9",
        ),
    ],
)
def test_privacy_notice_statements_still_count(sentence: str, name: str) -> None:
    assert notice_facts(["Your rights", sentence]).named(name) != []


# Class: telling the study is giving it data.
@pytest.mark.parametrize(
    "sentence",
    [
        "NHS Digital, which keeps national records, notifies the study team of any cancer registration.",
        "NHS England will let us know if you move away or die.",
        "Each year NHS England informs the researchers about hospital stays.",
    ],
)
def test_privacy_notice_nhs_england_notifying_the_study_is_a_source(sentence: str) -> None:
    assert values(notice_facts(["Where your data come from", sentence]), "source_nhs_england")


@pytest.mark.parametrize(
    "sentence",
    [
        "We will tell NHS England if you withdraw from the study.",
        "NHS England updated its guidance on research in 2023.",
        "NHS Digital told the committee about the delay.",
    ],
)
def test_privacy_notice_nhs_england_told_or_telling_others_is_no_source(sentence: str) -> None:
    assert not values(notice_facts(["News", sentence]), "source_nhs_england")


def test_information_about_something_is_not_informing() -> None:
    sentence = (
        "Your details can be passed to NHS Digital so that information about hospital stays can be added."
    )
    assert not values(notice_facts(["Consent", sentence]), "source_nhs_england")


# Class: the body as the source, said through a place or a route ("held in ... by", "through", "via").
@pytest.mark.parametrize(
    "sentence",
    [
        "Your test results are held in national cancer databases by NHS Digital, and we will add them to the study.",
        "With your consent the team will obtain your hospital records via NHS England each year.",
        "The researchers may access data about your admissions, for instance through NHS Digital.",
    ],
)
def test_privacy_notice_source_through_a_place_or_a_route(sentence: str) -> None:
    assert notice_facts([sentence]).named("source_nhs_england") != []


@pytest.mark.parametrize(
    "sentence",
    [
        "We will apply through NHS England's online portal for approval of the study.",
        "Questions can be sent via NHS England's enquiry line.",
    ],
)
def test_privacy_notice_route_without_data_is_no_source(sentence: str) -> None:
    assert notice_facts([sentence]).named("source_nhs_england") == []


# Class: a relative clause on the controller's name ("X, who will be the data controller").
@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Your answers are passed to the Avonmere Cohort Centre, which is the data controller for them.",
            ["Avonmere Cohort Centre"],
        ),
        ("Data go to NRIS who will be the data controller of the linked file.", ["NRIS"]),
        (
            "Thornbury University, who will act as data controller, stores the files.",
            ["Thornbury University"],
        ),
    ],
)
def test_privacy_notice_controller_named_in_a_relative_clause(sentence: str, names: list[str]) -> None:
    assert values(notice_facts([sentence]), "controller_named") == names


def test_privacy_notice_relative_clause_without_a_name_names_no_controller() -> None:
    assert notice_facts(["Ask the study team who is the data controller."]).named("controller_named") == []


# Class: the controller's registration with the Information Commissioner's Office, whose register is
# of fee-paying controllers ("X is registered with the ICO ... registration number Z...").
@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Hollin Vale NHS Foundation Trust is registered with the Information Commissioner's Office as "
            "required by the Data Protection Act 2018, registration number Z1234567.",
            ["Hollin Vale NHS Foundation Trust"],
        ),
        (
            "The Marrowby Institute is registered as a data controller with the ICO (Z7654321).",
            ["Marrowby Institute"],
        ),
    ],
)
def test_privacy_notice_controller_registered_with_the_ico(sentence: str, names: list[str]) -> None:
    assert values(notice_facts([sentence]), "controller_named") == names


@pytest.mark.parametrize(
    "sentence",
    [
        "You can complain to the Information Commissioner's Office, which is the UK's regulator.",
        "Our processors are registered with the Information Commissioner's Office.",
        "Hollin Vale NHS Foundation Trust is not registered with the Information Commissioner's Office.",
        "Your concern may be registered with the Information Commissioner's Office by letter.",
    ],
)
def test_privacy_notice_ico_mentions_that_register_no_controller(sentence: str) -> None:
    assert notice_facts([sentence]).named("controller_named") == []


# Class: a block that ends on the controller cue, the name opening the next block (an address block).
def test_privacy_notice_controller_named_in_the_block_after_its_cue() -> None:
    facts = notice_facts(
        [
            "The data controller for all personal data governed by this privacy notice is:",
            "The Pellow Trust for Research and Policy Studies in Health",
            "12 Orchard Row, London, W1A 1AA",
        ]
    )
    named = facts.named("controller_named")
    assert [fact.value for fact in named] == ["Pellow Trust for Research and Policy Studies in Health"]
    assert named[0].evidence.location == "paragraph 2" and "Pellow Trust" in named[0].evidence.quote


@pytest.mark.parametrize(
    ("paragraphs", "names"),
    [
        # the cue is not at the block's end: the name is read in its own block, nothing from the next
        (
            ["The data controller is the Pellow Trust, whose address is:", "12 Orchard Row, London"],
            ["Pellow Trust"],
        ),
        # the next block is no name
        (["Who is the data controller?", "We explain this below."], []),
        (
            [
                "The data controller for this study is:",
                "to be confirmed by the sponsor before recruitment opens",
            ],
            [],
        ),
        (["Data controller:", "Tel: 0207 946 0000"], []),
    ],
)
def test_privacy_notice_next_block_near_misses(paragraphs: list[str], names: list[str]) -> None:
    assert [f.value for f in notice_facts(paragraphs).named("controller_named")] == names


# Class (second and third real sets): a controller named by the short name the notice gave it, in
# brackets after its full name: an acronym ("CUH") or a word of its own name ("Leicester").
@pytest.mark.parametrize(
    ("paragraphs", "names"),
    [
        (
            [
                "The University of Kirkdale (Kirkdale) leads a consortium of twelve universities.",
                "Kirkdale is the Data Controller.",
            ],
            ["University of Kirkdale"],
        ),
        (
            [
                "Hollin Vale Hospitals NHS Foundation Trust (HVH) oversees the study.",
                "HVH is the data controller for this research.",
            ],
            ["Hollin Vale Hospitals NHS Foundation Trust"],
        ),
    ],
)
def test_privacy_notice_controller_named_by_its_defined_short_name(paragraphs, names) -> None:
    facts = notice_facts(paragraphs)
    assert values(facts, "controller_named") == names
    assert facts.named("controller_named")[0].detail == {"as_written": paragraphs[1].split()[0]}


@pytest.mark.parametrize(
    ("paragraphs", "names"),
    [
        # no short name defined: the name stays as written
        (["Kirkdale is the Data Controller."], ["Kirkdale"]),
        # a bracketed role, not a word of the organisation's name, defines nothing
        (
            ["The University of Kirkdale (Sponsor) leads the study.", "Sponsor Ltd is the data controller."],
            ["Sponsor Ltd"],
        ),
    ],
)
def test_privacy_notice_short_name_near_misses(paragraphs, names) -> None:
    assert values(notice_facts(paragraphs), "controller_named") == names
