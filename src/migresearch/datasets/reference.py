"""Reference tables: sources, countries, regions, GCM objectives and principles, EU presidencies, claims."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from migresearch.datasets import fields as s

# ISO 639-1: the languages of LAC and of the EU's 24 official languages (a source may be in any of them).
LANGUAGES = (
    "en", "es", "pt", "fr", "de", "it", "nl", "lt", "cs", "sk", "sv", "fi", "hu", "pl", "sl",
    "bg", "da", "el", "et", "ga", "hr", "lv", "mt", "ro",
)  # fmt: skip
SOURCE_KINDS = (
    "official",  # a government, EU institution or intergovernmental body speaking for itself
    "intergovernmental",  # IOM, UN, SELA, IDB, R4V and other agencies reporting
    "press",
    "academic",
    "reference",  # encyclopaedias, standards bodies, data compilers (ISO, CLDR, M49)
    "mirror",  # an archived or third-party copy of another page
    "blog",
)
REGIONS = ("Latin America and the Caribbean", "Europe", "Northern America", "Africa", "Asia", "Oceania")
SUBREGIONS = (
    "South America",
    "Central America",
    "Caribbean",
    "Northern America",
    "Northern Europe",
    "Western Europe",
    "Southern Europe",
    "Eastern Europe",
    "Northern Africa",
    "Sub-Saharan Africa",
    "Western Asia",
    "South-eastern Asia",
    "Australia and New Zealand",
    "Other",
)


class Sources(pa.DataFrameModel):
    """Where every fact comes from (after owid/etl's Origin)."""

    source_id: Series[pd.StringDtype] = s.ident("Source", "Stable identifier of the source (slug).")
    producer: Series[pd.StringDtype] = s.text("Producer", "Organisation or author that published the source.", nullable=False)
    title: Series[pd.StringDtype] = s.text("Title", "Title of the page or document, in its own language.", nullable=False)
    title_es: Series[pd.StringDtype] = s.text(
        "Title (Spanish)",
        "Spanish title of the same page or document as published by its producer (bilingual producers such as SELA, IOM,"
        " ECLAC or the EU); empty when the source has no Spanish version or is in Spanish already.",
    )
    kind: Series[pd.CategoricalDtype] = s.code(SOURCE_KINDS, "Kind", "What sort of publisher this is.")
    url: Series[pd.StringDtype] = s.url("URL", "Address the source was read at (http or https only).", nullable=False)
    published_date: Series[pd.Timestamp] = s.date(
        "Published", "Date the source was published; empty when unknown.", precision="published_precision", not_future=True
    )
    published_precision: Series[pd.CategoricalDtype] = s.precision("published_date")
    accessed_date: Series[pd.Timestamp] = s.date(
        "Accessed", "Date the source (or its archived copy) was read.", nullable=False, not_future=True
    )
    language: Series[pd.CategoricalDtype] = s.code(LANGUAGES, "Language", "ISO 639-1 code of the source's language.")
    licence: Series[pd.StringDtype] = s.text(
        "Licence", "Reuse terms as stated by the publisher, or `unknown`; facts are cited, texts are not copied.", nullable=False
    )
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["source_id"]


class Countries(pa.DataFrameModel):
    """States and territories used as join keys (ISO 3166-1)."""

    iso3: Series[pd.StringDtype] = s.ident("ISO alpha-3", "ISO 3166-1 alpha-3 code: the join key.", pattern=s.ISO3, cldr="alpha3")
    iso2: Series[pd.StringDtype] = s.ident(
        "ISO alpha-2",
        "ISO 3166-1 alpha-2 code (Namibia's `NA` is a code, not a missing value).",
        pattern=r"^[A-Z]{2}$",
        unique=True,
        cldr="alpha2",
    )
    numeric: Series[pd.StringDtype] = s.ident(
        "ISO numeric",
        "ISO 3166-1 numeric code, three digits with leading zeros kept.",
        pattern=r"^\d{3}$",
        unique=True,
        cldr="numeric",
    )
    name_en: Series[pd.StringDtype] = s.text("Name (English)", "Short name in English (CLDR).", nullable=False)
    name_es: Series[pd.StringDtype] = s.text("Name (Spanish)", "Short name in Spanish (CLDR unless overridden).", nullable=False)
    name_es_override: Series[pd.StringDtype] = s.text(
        "Spanish name override",
        "Why `name_es` departs from CLDR, with the source of the preferred form; empty when it is CLDR's.",
    )
    region: Series[pd.CategoricalDtype] = s.code(REGIONS, "Region", "UN M49 region.")
    subregion: Series[pd.CategoricalDtype] = s.code(SUBREGIONS, "Subregion", "UN M49 subregion (Mexico is Central America).")
    sovereign: Series[pd.BooleanDtype] = s.boolean(
        "Sovereign state", "True for a UN member state, false for a territory.", nullable=False
    )
    administered_by: Series[pd.StringDtype] = s.ident(
        "Administered by",
        "For a territory, the state it belongs to or is associated with.",
        pattern=s.ISO3,
        nullable=True,
        fk="countries.iso3",
    )
    source_id: Series[pd.StringDtype] = s.source_id()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["iso3"]


class Regions(pa.DataFrameModel):
    """Named groups of countries that figures are reported for (LAC, the R4V 17, the world)."""

    region_id: Series[pd.StringDtype] = s.ident("Region", "Region code, upper case.", pattern=r"^[A-Z][A-Z0-9_]*$")
    name_en: Series[pd.StringDtype] = s.text("Name (English)", "Name in English.", nullable=False)
    name_es: Series[pd.StringDtype] = s.text("Name (Spanish)", "Name in Spanish.", nullable=False)
    members: Series[pd.StringDtype] = s.plist(
        "Members",
        "Member countries when the group is a fixed list; empty when open-ended (the world).",
        item="id",
        pattern=s.ISO3,
        fk="countries.iso3",
    )
    source_id: Series[pd.StringDtype] = s.source_id()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["region_id"]


class Places(pa.DataFrameModel):
    """Spanish names of the places (cities) the data records in English, so a Spanish page names them in Spanish.

    A meeting's ``city`` is matched on (``country_iso3``, ``name_en``); a city whose name is the same
    in both languages needs no row.
    """

    place_id: Series[pd.StringDtype] = s.ident("Place", "Place id: country code and city, kebab case (bel-brussels).")
    country_iso3: Series[pd.StringDtype] = s.ident("Country", "Country the place is in.", pattern=s.ISO3, fk="countries.iso3")
    name_en: Series[pd.StringDtype] = s.text("Name (English)", "The name as the data records it (meetings.city).", nullable=False)
    name_es: Series[pd.StringDtype] = s.text("Name (Spanish)", "The place's name in Spanish.", nullable=False)
    source_id: Series[pd.StringDtype] = s.source_id()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["place_id"]


class GcmObjectives(pa.DataFrameModel):
    """The 23 objectives of the Global Compact for Safe, Orderly and Regular Migration."""

    objective: Series[pd.Int64Dtype] = s.integer("Objective", "Objective number, 1 to 23.", nullable=False, ge=1, le=23)
    short_title_en: Series[pd.StringDtype] = s.text("Short title (English)", "Short label in English.", nullable=False)
    short_title_es: Series[pd.StringDtype] = s.text("Short title (Spanish)", "Short label in Spanish.", nullable=False)
    title_en: Series[pd.StringDtype] = s.text("Title (English)", "Full official title in English.", nullable=False)
    title_es: Series[pd.StringDtype] = s.text(
        "Title (Spanish)", "Full official title in Spanish; empty where no official text was read (see note)."
    )
    source_id: Series[pd.StringDtype] = s.source_id()
    inferred: Series[pd.StringDtype] = s.inferred()
    inferred_from: Series[pd.StringDtype] = s.inferred_from()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["objective"]


class GcmPrinciples(pa.DataFrameModel):
    """The 10 cross-cutting and interdependent guiding principles of the GCM."""

    principle: Series[pd.Int64Dtype] = s.integer(
        "Principle", "Principle number, 1 to 10, in the compact's order.", nullable=False, ge=1, le=10
    )
    title_en: Series[pd.StringDtype] = s.text("Title (English)", "Official English label.", nullable=False)
    title_es: Series[pd.StringDtype] = s.text(
        "Title (Spanish)", "Official Spanish label (alternative wordings are claims).", nullable=False
    )
    source_id: Series[pd.StringDtype] = s.source_id()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["principle"]


class EuPresidencies(pa.DataFrameModel):
    """The rotating presidency of the Council of the EU, one row per semester."""

    semester: Series[pd.StringDtype] = s.ident("Semester", "Semester as `YYYY-H1` or `YYYY-H2`.", pattern=r"^\d{4}-H[12]$")
    start_date: Series[pd.Timestamp] = s.date("Start", "First day of the presidency (1 January or 1 July).", nullable=False)
    end_date: Series[pd.Timestamp] = s.date("End", "Last day of the presidency (30 June or 31 December).", nullable=False)
    country_iso3: Series[pd.StringDtype] = s.ident(
        "Country", "Member state holding the presidency.", pattern=s.ISO3, fk="countries.iso3"
    )
    source_id: Series[pd.StringDtype] = s.source_id()
    evidence: Series[pd.StringDtype] = s.evidence()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["semester"]


class Claims(pa.DataFrameModel):
    """What each source says about one field of one record, kept when sources disagree."""

    claim_id: Series[pd.StringDtype] = s.ident("Claim", "Stable identifier of the claim.")
    table: Series[pd.StringDtype] = s.ident(
        "Table", "Registry name of the table the claim is about.", pattern=r"^[a-z][a-z0-9_]*$"
    )
    record_id: Series[pd.StringDtype] = s.text("Record", "Primary-key value of the record the claim is about.", nullable=False)
    field: Series[pd.StringDtype] = s.ident(
        "Field", "Column (or derived property such as `hlm_count`) the claim is about.", pattern=r"^[a-z][a-z0-9_]*$"
    )
    value: Series[pd.StringDtype] = s.text(
        "Value", "The value as this source gives it, normalised to the column's format.", nullable=False
    )
    quote: Series[pd.StringDtype] = s.text("Quote", "Short quotation (a few words) locating the claim in the source.")
    source_id: Series[pd.StringDtype] = s.source_id()
    note: Series[pd.StringDtype] = s.note()

    class Config:
        strict = True
        unique = ["claim_id"]
