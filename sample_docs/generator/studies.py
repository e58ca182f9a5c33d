"""The fictional studies behind the bundles: organisations, people, references and what each study
links. Every name, address, reference and telephone number here is invented (telephone numbers are in
Ofcom's drama ranges); any likeness to a real study is an accident."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import Letterhead


@dataclass(frozen=True)
class Person:
    honorific: str
    first: str
    last: str
    post: str = ""
    letters: str = ""

    @property
    def full(self) -> str:
        return f"{self.honorific} {self.first} {self.last}"

    @property
    def dear(self) -> str:
        return f"{self.honorific} {self.last}"


@dataclass(frozen=True)
class Org:
    name: str
    address: tuple[str, ...]
    phone: str
    email: str = ""
    web: str = ""
    style: str = "university"  # letterhead style
    tagline: str = ""
    accent: str = "#1f4e79"

    def letterhead(self, extra: tuple[str, ...] = ()) -> Letterhead:
        lines = (*self.address, f"Tel: {self.phone}", *((self.email,) if self.email else ()), *extra)
        return Letterhead(self.style, self.name, lines, self.tagline)


@dataclass(frozen=True)
class Study:
    key: str
    acronym: str
    title: str
    lay_title: str
    basis: str  # section_251 | consent
    condition: str  # the subject, as a letter would put it
    population: str  # who the cohort is
    aim: str  # "aims to ..."
    cohort_n: int
    cohort_years: tuple[int, int]
    controller: Org
    ci: Person
    manager: Person
    site: Org
    iras: str
    rec_ref: str
    rec_name: str
    rec_chair: Person
    funder: str
    grant: str
    website: str
    study_email: str
    study_phone: str
    linkage_ids: tuple[str, ...]
    analysis_items: tuple[str, ...]
    datasets: tuple[str, ...]
    data_years: tuple[int, int]
    processor: str = ""
    processor_place: str = ""
    cag_ref: str | None = None
    cag_previous: str | None = None
    dpo: str = ""
    sponsor_ref: str = ""
    recruitment: tuple[date, date] | None = None
    outcomes: tuple[str, ...] = ()


HRA = Org(
    "Health Research Authority",
    ("Floor 4, Harrowden House", "18 Quayside Walk", "London E14 9PQ"),
    "020 7946 0312",
    "cag@hra.example.nhs.uk",
    "www.hra.example.nhs.uk",
    style="hra",
    tagline="Confidentiality Advisory Group",
    accent="#00788a",
)

NIGB = Org(
    "National Information Governance Board for Health and Social Care",
    ("NIGB Office", "3rd Floor, Kestrel House", "40 Dunmore Street", "Leeds LS2 7QD"),
    "0113 496 0744",
    "ecc.secretariat@nigb.example.nhs.uk",
    style="nigb",
    tagline="Ethics and Confidentiality Committee",
    accent="#5b2c6f",
)


CASTLEBRIDGE = Org(
    "University of Castlebridge",
    ("School of Population Health Sciences", "Hollins Building, 14 Ferrars Road", "Castlebridge CX4 7QT"),
    "0121 496 0587",
    "capra-study@castlebridge.example.ac.uk",
    "www.castlebridge.example.ac.uk",
    tagline="School of Population Health Sciences",
    accent="#7a1f2b",
)

CAPRA = Study(
    key="capra",
    acronym="CAPRA",
    title="Hospital use and mortality in adults treated for asthma in childhood: the CAPRA record-linkage "
    "follow-up of the Castlebridge paediatric asthma clinic cohort",
    lay_title="What happens to children with asthma when they grow up?",
    basis="section_251",
    condition="asthma in childhood",
    population="people who were treated for asthma in childhood at the paediatric asthma clinic of "
    "Castlebridge Children's Hospital between 1990 and 2005",
    aim="aims to describe hospital use and mortality in adult life among people who were treated for "
    "asthma in childhood at the paediatric asthma clinic of Castlebridge Children's Hospital between "
    "1990 and 2005, and to compare them with the general population of England",
    cohort_n=4812,
    cohort_years=(1990, 2005),
    controller=CASTLEBRIDGE,
    ci=Person("Professor", "Helen", "Marwood", "Professor of Respiratory Epidemiology"),
    manager=Person("Dr", "Tomasz", "Wilczek", "CAPRA Study Manager"),
    site=Org(
        "Castlebridge Children's Hospital NHS Foundation Trust",
        ("Research and Innovation Office", "Ravensworth Road", "Castlebridge CX2 1HL"),
        "0121 496 0233",
        style="trust",
    ),
    iras="318457",
    rec_ref="23/WM/0091",
    rec_name="West Midlands – Kingswinford Research Ethics Committee",
    rec_chair=Person("Dr", "Margaret", "Oyelaran", "Chair"),
    funder="Castlebridge Lung Trust",
    grant="CLT-PG-2022-07",
    website="www.capra-study.example.ac.uk",
    study_email="capra-study@castlebridge.example.ac.uk",
    study_phone="0121 496 0587",
    linkage_ids=("nhs_number", "date_of_birth", "sex", "postcode"),
    analysis_items=("sex", "month and year of birth", "Lower-layer Super Output Area (LSOA) of residence"),
    datasets=("hes_apc", "hes_op", "deaths"),
    data_years=(1997, 2023),
    processor="Caldergate Secure Research Hosting Ltd",
    processor_place="Scotland",
    cag_ref="23/CAG/0088",
    dpo="dpo@castlebridge.example.ac.uk",
    sponsor_ref="UoC-RG-2022-114",
    outcomes=(
        "emergency hospital admission for asthma",
        "all-cause hospital admission",
        "outpatient attendance for respiratory medicine",
        "death from any cause",
    ),
)

KINGSMERE = Org(
    "University of Kingsmere",
    ("Institute of Cardiovascular Science", "Aldous Building, Meadow Lane", "Kingsmere KM3 8DX"),
    "0115 496 0148",
    "kingfisher@kingsmere.example.ac.uk",
    "www.kingsmere.example.ac.uk",
    tagline="Institute of Cardiovascular Science",
    accent="#0b5345",
)

KINGFISHER = Study(
    key="kingfisher",
    acronym="KINGFISHER",
    title="KINGFISHER: a prospective cohort study of readmission and survival in adults admitted to hospital "
    "with heart failure",
    lay_title="The Kingsmere heart failure study",
    basis="consent",
    condition="heart failure",
    population="adults admitted to Kingsmere General Hospital with heart failure",
    aim="aims to find out which patients admitted to hospital with heart failure are readmitted or die "
    "in the following years, and why",
    cohort_n=2400,
    cohort_years=(2018, 2022),
    controller=KINGSMERE,
    ci=Person("Dr", "Oluwaseun", "Adeyemi", "Reader in Cardiology"),
    manager=Person("Ms", "Rachel", "Penhaligon", "KINGFISHER Study Co-ordinator"),
    site=Org(
        "Kingsmere and District Hospitals NHS Foundation Trust",
        ("Kingsmere General Hospital", "Wollaton Road", "Kingsmere KM1 4RE"),
        "0115 496 0902",
        style="trust",
    ),
    iras="234871",
    rec_ref="18/EM/0042",
    rec_name="East Midlands – Wollaton Research Ethics Committee",
    rec_chair=Person("Mr", "David", "Ashworth-Lee", "Chair"),
    funder="Heartwell Foundation",
    grant="HF/17/0331",
    website="www.kingfisher-study.example.ac.uk",
    study_email="kingfisher@kingsmere.example.ac.uk",
    study_phone="0115 496 0148",
    linkage_ids=("name", "date_of_birth", "nhs_number", "postcode"),
    analysis_items=(),
    datasets=("hes_apc", "hes_op", "deaths"),
    data_years=(2018, 2023),
    processor="Albion Survey Services Ltd",
    processor_place="England",
    dpo="data.protection@kingsmere.example.ac.uk",
    sponsor_ref="UoK-2017-CV-09",
    recruitment=(date(2018, 3, 1), date(2022, 12, 31)),
    outcomes=(
        "readmission to hospital for heart failure",
        "readmission for any cause",
        "outpatient cardiology follow-up",
        "death from cardiovascular disease",
        "death from any cause",
    ),
)

WEXCOMBE = Org(
    "University of Wexcombe",
    ("Department of Orthopaedic Epidemiology", "Lister Wing, Bramble Hill", "Wexcombe WX7 2PA"),
    "0117 496 0361",
    "hipfollowup@wexcombe.example.ac.uk",
    tagline="Faculty of Medicine",
    accent="#154360",
)

HIPFIT = Study(
    key="hipfit",
    acronym="WHIP",
    title="Wexcombe Hip fracture Prognosis study (WHIP): long-term survival and readmission after hip "
    "fracture in older people",
    lay_title="Life after a broken hip",
    basis="section_251",
    condition="hip fracture",
    population="people aged 65 and over who were treated for a hip fracture at Wexcombe Royal Infirmary "
    "between 2004 and 2009",
    aim="aims to describe survival and readmission to hospital in the years after a hip fracture in "
    "people aged 65 and over",
    cohort_n=3105,
    cohort_years=(2004, 2009),
    controller=WEXCOMBE,
    ci=Person("Dr", "Alistair", "Fenwick", "Senior Lecturer in Orthopaedic Epidemiology"),
    manager=Person("Mrs", "Beverley", "Okafor", "Research Manager"),
    site=Org(
        "Wexcombe Hospitals NHS Trust",
        ("Wexcombe Royal Infirmary", "Portland Street", "Wexcombe WX1 3BB"),
        "0117 496 0100",
        style="trust",
    ),
    iras="",
    rec_ref="10/H0107/55",
    rec_name="Wexcombe Research Ethics Committee",
    rec_chair=Person("Professor", "Ian", "Calloway", "Chair"),
    funder="Wexcombe Bone Health Charity",
    grant="WBHC/2010/04",
    website="www.wexcombe.example.ac.uk/whip",
    study_email="hipfollowup@wexcombe.example.ac.uk",
    study_phone="0117 496 0361",
    linkage_ids=("nhs_number", "date_of_birth", "sex", "postcode"),
    analysis_items=("age at fracture in years", "sex", "year of death"),
    datasets=("hes_apc", "deaths"),
    data_years=(2004, 2023),
    processor="Severnside Data Centre Ltd",
    processor_place="England",
    cag_ref="ECC 1-04(d)/2011",
    dpo="information.rights@wexcombe.example.ac.uk",
    outcomes=("readmission to hospital within one year", "death within one and five years"),
)

NORTHFOLD = Org(
    "University of Northfold",
    ("Centre for Perinatal Research", "Gilmore House, 7 Abbey Walk", "Northfold NF2 5JW"),
    "0191 496 0450",
    "preterm.outcomes@northfold.example.ac.uk",
    tagline="Faculty of Life Sciences",
    accent="#6e2c00",
)

PRETERM = Study(
    key="preterm",
    acronym="NPOS",
    title="Northfold Preterm Outcomes Study (NPOS): hospital care in childhood after very preterm birth",
    lay_title="Growing up after being born very early",
    basis="section_251",
    condition="very preterm birth",
    population="babies born before 32 weeks of gestation in the Northfold Neonatal Network between 2008 "
    "and 2012",
    aim="aims to describe hospital admissions and attendances at emergency departments during childhood "
    "among children who were born before 32 weeks of gestation",
    cohort_n=1930,
    cohort_years=(2008, 2012),
    controller=NORTHFOLD,
    ci=Person("Professor", "Siobhan", "Gallagher", "Professor of Neonatal Medicine"),
    manager=Person("Mr", "Kieran", "Doyle", "Data Manager"),
    site=Org(
        "Northfold Neonatal Network",
        ("c/o Northfold Royal Infirmary", "Castle Road", "Northfold NF1 1AA"),
        "0191 496 0200",
        style="trust",
    ),
    iras="117264",
    rec_ref="13/NE/0088",
    rec_name="North East – Tyneside Research Ethics Committee",
    rec_chair=Person("Dr", "Hamish", "Crerar", "Chair"),
    funder="Northfold Children's Health Fund",
    grant="NCHF-2012-019",
    website="www.npos.example.ac.uk",
    study_email="preterm.outcomes@northfold.example.ac.uk",
    study_phone="0191 496 0450",
    linkage_ids=("nhs_number", "date_of_birth", "postcode"),
    analysis_items=("gestational age at birth", "sex", "month and year of birth"),
    datasets=("hes_apc", "hes_ae", "deaths"),
    data_years=(2008, 2020),
    processor="Tynevale Research Computing Ltd",
    processor_place="England",
    cag_ref="CAG 2-03(a)/2013",
    dpo="dpo@northfold.example.ac.uk",
    outcomes=(
        "emergency admission to hospital",
        "attendance at an emergency department",
        "death in childhood",
    ),
)

WESTMARCH = Org(
    "University of Westmarch",
    ("Stroke Research Group", "Cadwallader Building, Penrhos Road", "Westmarch WM9 4TS"),
    "029 2018 0642",
    "stroke.register@westmarch.example.ac.uk",
    tagline="School of Medicine",
    accent="#1b4f72",
)

STROKE = Study(
    key="stroke",
    acronym="WSR",
    title="Westmarch Stroke Register: long-term outcomes after first-ever stroke",
    lay_title="The Westmarch Stroke Register",
    basis="section_251",
    condition="first-ever stroke",
    population="adults registered with a first-ever stroke by the Westmarch Stroke Register between 2005 "
    "and 2015",
    aim="aims to measure recurrent stroke, hospital readmission and survival after a first-ever stroke",
    cohort_n=6240,
    cohort_years=(2005, 2015),
    controller=WESTMARCH,
    ci=Person("Professor", "Gareth", "Pryce-Morgan", "Professor of Stroke Medicine"),
    manager=Person("Dr", "Ananya", "Iyer", "Register Manager"),
    site=Org(
        "Westmarch and Borders NHS Foundation Trust",
        ("Stroke Unit, Westmarch General Hospital", "Heol Newydd", "Westmarch WM1 2EE"),
        "029 2018 0011",
        style="trust",
    ),
    iras="201177",
    rec_ref="16/WA/0183",
    rec_name="Wales REC 4",
    rec_chair=Person("Dr", "Eleri", "Vaughan", "Chair"),
    funder="Stroke Outcomes Research Fund",
    grant="SORF-2016-12",
    website="www.westmarch-stroke-register.example.ac.uk",
    study_email="stroke.register@westmarch.example.ac.uk",
    study_phone="029 2018 0642",
    linkage_ids=("nhs_number", "name", "date_of_birth", "postcode"),
    analysis_items=("age at stroke", "sex", "stroke subtype", "year and month of death"),
    datasets=("hes_apc", "hes_op", "deaths"),
    data_years=(2005, 2023),
    processor="Penrhos Secure Analytics Ltd",
    processor_place="Wales",
    cag_ref="20/CAG/0067",
    cag_previous="16/CAG/0056",
    dpo="dpo@westmarch.example.ac.uk",
    outcomes=("recurrent stroke", "readmission to hospital", "death"),
)
