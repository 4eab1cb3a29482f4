"""One catalogue of report labels in English and Spanish, and locale-aware dates and numbers (Babel).

Every word a report shows that does not come from the data comes from
:data:`LABELS`; code-list values (event ``join``, role ``observer``...) have
entries ``"<column>.<value>"``.  A test fails if a Spanish report contains an
English label.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

LANGS: tuple[str, ...] = ("en", "es")

LABELS: dict[str, tuple[str, str]] = {
    # report chrome
    "report.framework_profile": ("Framework profile", "Perfil del marco de cooperación"),
    "report.eu_celac_dialogue": (
        "The EU–CELAC Structured and Comprehensive Dialogue on Migration",
        "El Diálogo Estructurado y Global UE-CELAC sobre Migración",
    ),
    "report.index": ("migresearch reports", "Informes de migresearch"),
    "footer.package": ("Package version", "Versión del paquete"),
    "footer.data": ("Data version", "Versión de los datos"),
    "footer.parameters": ("Parameters", "Parámetros"),
    "footer.built": ("Build stamp", "Sello de compilación"),
    "footer.cite": (
        "Cite the sources listed under each table and chart.",
        "Cite las fuentes indicadas bajo cada cuadro y gráfico.",
    ),
    "footer.data_date": ("Data as of", "Datos al"),
    "nav.label": ("Report navigation", "Navegación del informe"),
    "nav.index": ("All reports", "Todos los informes"),
    "nav.lang_name": ("English", "Español"),
    "index.heading": (
        "Migration cooperation between the EU and Latin America and the Caribbean",
        "Cooperación migratoria entre la UE y América Latina y el Caribe",
    ),
    "index.intro": (
        "Reports built from migresearch's cited data: each table and chart names its sources.",
        "Informes elaborados con los datos citados de migresearch: cada cuadro y gráfico indica sus fuentes.",
    ),
    "index.jump": ("Reports in English", "Informes en español"),
    "index.data_label": ("data version", "versión de los datos"),
    "index.part": ("Reports in English", "Informes en español"),
    "index.data_date": ("Data as of {date}.", "Datos al {date}."),
    "group.analyses": ("Analyses", "Análisis"),
    "group.frameworks": ("Cooperation frameworks", "Marcos de cooperación"),
    "group.countries": ("Countries", "Países"),
    "group.frameworks.summary": (
        "One profile per framework: what it is, who took part and when, its meetings, instruments "
        "and where the sources disagree.",
        "Un perfil por marco: qué es, quién participó y cuándo, sus reuniones, sus instrumentos "
        "y las discrepancias entre fuentes.",
    ),
    "index.failed_build": ("not available: the last build failed", "no disponible: falló la última compilación"),
    "summary.framework_profile": (
        "What it is, who took part and when, its meetings, instruments and where sources disagree.",
        "Qué es, quién participó y cuándo, sus reuniones, instrumentos y las discrepancias entre fuentes.",
    ),
    "summary.eu_celac_dialogue": (
        "From the Lima summit of 2008 to today: the high-level meetings, the summits around them, "
        "the IOM/FIIAPP project, and how many meetings there were.",
        "De la cumbre de Lima de 2008 a hoy: las reuniones de alto nivel, las cumbres en torno a ellas, "
        "el proyecto de la OIM y la FIIAPP, y cuántas reuniones hubo.",
    ),
    "coverage.none": (
        "Coverage: no membership, meeting or instrument recorded yet.",
        "Cobertura: aún no hay miembros, reuniones ni instrumentos registrados.",
    ),
    "coverage.thin": ("Coverage: {what}.", "Cobertura: {what}."),
    "coverage.no_members": ("membership data: none recorded", "datos de membresía: ninguno registrado"),
    "coverage.no_meetings": ("meetings: none recorded", "reuniones: ninguna registrada"),
    "coverage.no_instruments": ("instruments: none recorded", "instrumentos: ninguno registrado"),
    "sources": ("Sources", "Fuentes"),
    "as_of": ("data as of", "datos al"),
    "none": ("None recorded.", "No hay registros."),
    "unknown": ("unknown", "desconocido"),
    "yes": ("yes", "sí"),
    "no": ("no", "no"),
    "inferred_mark": ("inferred", "inferido"),
    # framework profile
    "section.overview": ("Overview", "Descripción general"),
    "section.members": ("Members over time", "Miembros a lo largo del tiempo"),
    "section.members_now": ("Members and participants on the data date", "Miembros y participantes a la fecha de los datos"),
    "section.events": ("Membership events", "Eventos de membresía"),
    "section.meetings": ("Meetings", "Reuniones"),
    "section.instruments": ("Instruments", "Instrumentos"),
    "section.conflicts": ("Where sources disagree", "Discrepancias entre fuentes"),
    "section.children": ("Frameworks under this one", "Marcos dependientes"),
    "section.summits": ("Bi-regional summits", "Cumbres birregionales"),
    "section.hlm": ("High-level meetings of the dialogue", "Reuniones de alto nivel del diálogo"),
    "section.hlm_count": ("How many high-level meetings?", "¿Cuántas reuniones de alto nivel?"),
    "section.project": ("The IOM/FIIAPP EU–LAC project", "El proyecto UE-ALC de la OIM y la FIIAPP"),
    "section.origins": ("From the Lima summit to the launch", "De la cumbre de Lima al lanzamiento"),
    "field.name": ("Name", "Nombre"),
    "field.acronym": ("Acronym", "Sigla"),
    "field.kind": ("Kind", "Tipo"),
    "field.scope": ("Scope", "Alcance"),
    "field.parent": ("Part of", "Forma parte de"),
    "field.secretariat": ("Secretariat", "Secretaría"),
    "field.binding": ("Legally binding", "Jurídicamente vinculante"),
    "field.established": ("Established", "Creación"),
    "field.founding_instrument": ("Founding instrument", "Instrumento constitutivo"),
    "field.status": ("Status", "Situación"),
    "field.website": ("Website", "Sitio web"),
    "field.source": ("Source", "Fuente"),
    "field.party": ("Party", "Parte"),
    "field.role": ("Role", "Función"),
    "field.event": ("Event", "Evento"),
    "field.date": ("Date", "Fecha"),
    "field.since": ("Since", "Desde"),
    "field.meeting": ("Meeting", "Reunión"),
    "field.place": ("Place", "Lugar"),
    "field.eu_presidency": ("EU Council presidency", "Presidencia del Consejo de la UE"),
    "field.lac_chair": ("LAC co-chair or host", "Copresidencia o sede ALC"),
    "field.theme": ("Theme", "Tema"),
    "field.modality": ("Modality", "Modalidad"),
    "field.title": ("Title", "Título"),
    "field.type": ("Type", "Tipo"),
    "field.adopted": ("Adopted", "Adopción"),
    "field.in_force": ("In force", "Entrada en vigor"),
    "field.record": ("Record", "Registro"),
    "field.field": ("Field", "Campo"),
    "field.value": ("Value claimed", "Valor afirmado"),
    "field.recorded": ("Value in the table", "Valor en la tabla"),
    "field.number": ("No.", "N.º"),
    "field.count": ("Count", "Número"),
    "chart.members_title": ("Membership spans by party", "Períodos de membresía por parte"),
    "chart.meetings_title": ("Meetings over time", "Reuniones a lo largo del tiempo"),
    "chart.year": ("Year", "Año"),
    "chart.active": ("active", "activo"),
    "chart.suspended": ("suspended", "suspendido"),
    "chart.meeting": ("meeting", "reunión"),
    "chart.meeting_number": ("Meeting number", "Número de reunión"),
    "text.undated": (
        "Not counted because no date of joining is recorded: {parties}.",
        "No se cuentan porque no consta la fecha de ingreso: {parties}.",
    ),
    "text.no_members": (
        "No membership events are recorded for this framework.",
        "No hay eventos de membresía registrados para este marco.",
    ),
    "text.hlm_claims": ("Sources give different counts:", "Las fuentes dan cifras distintas:"),
    "text.launch": (
        "Proposed at the summit of {summit}; launched {launch}.",
        "Propuesto en la cumbre de {summit}; lanzado {launch}.",
    ),
    "derived.hlm_count": ("number of high-level meetings", "número de reuniones de alto nivel"),
    "derived.duration_months": ("duration in months", "duración en meses"),
    # text from the data that has no version in the page's language
    "gap.only_en": ("English only", "solo en inglés en los datos"),
    "gap.only_es": ("Spanish only", "solo en español"),
    # inferred values
    "inferred.value": ("Inferred ({field})", "Valor inferido ({field})"),
    "inferred.notes": ("Reasons for inferred values", "Motivos de los valores inferidos"),
    # conflicts
    "conflict.in_table": ("Value in the table:", "Valor en la tabla:"),
    "conflict.agree": ("Agreeing:", "Coinciden:"),
    "conflict.no_table_value": (
        "The table records no value for this; the sources say:",
        "La tabla no registra un valor para esto; las fuentes dicen:",
    ),
    "conflict.other_value": ("A source's value", "Valor según la fuente"),
    "conflict.quote": ("Quote or note", "Cita o nota"),
    # records and series
    "series.EU-CELAC": ("EU-CELAC", "UE-CELAC"),
    "text.semester_1": ("first half of {year}", "primer semestre de {year}"),
    "text.semester_2": ("second half of {year}", "segundo semestre de {year}"),
    "text.gcm_objective": ("GCM objective {n}", "Objetivo {n} del Pacto Mundial"),
    "text.gcm_principle": ("GCM guiding principle {n}", "Principio rector {n} del Pacto Mundial"),
    # columns and derived fields, as a reader calls them
    "column.adopted_date": ("date adopted", "fecha de adopción"),
    "column.adopting_states": ("adopting states", "Estados que lo adoptaron"),
    "column.announced_date": ("date announced", "fecha de anuncio"),
    "column.as_of_date": ("reference date", "fecha de referencia"),
    "column.assisting": ("assisting states", "Estados que prestan asistencia"),
    "column.baseline_venezuelans": ("Venezuelans at the start", "venezolanos al inicio"),
    "column.beneficiaries": ("beneficiaries", "beneficiarios"),
    "column.countries": ("countries", "países"),
    "column.country_iso3": ("country", "país"),
    "column.eu_presidencies.country_iso3": ("presidency", "presidencia"),
    "column.date": ("date", "fecha"),
    "column.ds_007_2018_in_date": ("date of Supreme Decree 007-2018-IN", "fecha del Decreto Supremo 007-2018-IN"),
    "column.duration_months": ("duration in months", "duración en meses"),
    "column.eligibility_cutoff_date": ("eligibility cut-off date", "fecha límite de elegibilidad"),
    "column.eligibility_window_start": ("start of the eligibility window", "inicio del período de elegibilidad"),
    "column.end_date": ("end date", "fecha de finalización"),
    "column.entry_window_start": ("start of the entry window", "inicio del período de ingreso"),
    "column.established_date": ("date established", "fecha de creación"),
    "column.eu_presidency_iso3": ("EU Council presidency", "presidencia del Consejo de la UE"),
    "column.first_phase_end_date": ("end of the first phase", "fin de la primera fase"),
    "column.forum_themes": ("forum themes", "temas del foro"),
    "column.founding_summit_city": ("city of the founding summit", "ciudad de la cumbre fundacional"),
    "column.from_date": ("start of the period", "inicio del período"),
    "column.gcm_objectives": ("GCM objectives", "objetivos del Pacto Mundial"),
    "column.gcm_primary": ("main GCM objective", "objetivo principal del Pacto Mundial"),
    "column.gcm_principles": ("GCM guiding principles", "principios rectores del Pacto Mundial"),
    "column.gcm_secondary": ("other GCM objectives", "otros objetivos del Pacto Mundial"),
    "column.hlm_count": ("number of high-level meetings", "número de reuniones de alto nivel"),
    "column.implementation_status": ("implementation status", "estado de aplicación"),
    "column.lac_chair_iso3": ("LAC co-chair or host", "copresidencia o sede ALC"),
    "column.launched_at": ("where it was launched", "dónde se lanzó"),
    "column.legal_instruments": ("legal instruments", "instrumentos jurídicos"),
    "column.locations": ("places", "lugares"),
    "column.marrakech_adoption_date": ("date adopted in Marrakech", "fecha de adopción en Marrakech"),
    "column.member_count": ("number of members", "número de miembros"),
    "column.nationals": ("nationals covered", "nacionales amparados"),
    "column.number": ("ordinal number", "número ordinal"),
    "column.objective": ("GCM objective", "objetivo del Pacto Mundial"),
    "column.organisers": ("organisers", "organizadores"),
    "column.participant_count": ("number of participants", "número de participantes"),
    "column.permanent_settlement_vocation": ("aim of permanent settlement", "vocación de residencia permanente"),
    "column.permit_months": ("permit length in months", "duración del permiso en meses"),
    "column.published_date": ("date published", "fecha de publicación"),
    "column.requires_renouncing_asylum": ("requires giving up an asylum claim", "exige renunciar a la solicitud de asilo"),
    "column.resolution_date": ("date of the resolution", "fecha de la resolución"),
    "column.role": ("role", "función"),
    "column.start_date": ("start date", "fecha de inicio"),
    "column.status": ("status", "situación"),
    "column.target_nationalities": ("nationalities covered", "nacionalidades destinatarias"),
    "column.title_en": ("English title", "título en inglés"),
    "column.fee": ("Fee", "Tasa"),
    "column.issued_date": ("Date issued", "Fecha de expedición"),
    "column.note": ("Note", "Nota"),
    "column.theme_en": ("Theme", "Tema"),
    "column.vote": ("Vote", "Voto"),
    "column.title_es": ("Spanish title", "título en español"),
    "column.until_date": ("end of the period", "fin del período"),
    "column.value": ("value", "valor"),
    "column.window_end_date": ("end of the application window", "fin del plazo de solicitud"),
    "column.window_months": ("application window in months", "plazo de solicitud en meses"),
    "column.window_start_date": ("start of the application window", "inicio del plazo de solicitud"),
    # code lists
    "precision.day": ("day", "día"),
    "precision.month": ("month", "mes"),
    "precision.year": ("year", "año"),
    "event.join": ("joins", "ingresa"),
    "event.sign": ("signs", "firma"),
    "event.ratify": ("ratifies", "ratifica"),
    "event.enter_into_force": ("in force", "entra en vigor"),
    "event.suspend": ("suspended", "suspendido"),
    "event.withdraw": ("withdraws", "se retira"),
    "event.rejoin": ("rejoins", "se reincorpora"),
    "event.term_start": ("term starts", "inicia mandato"),
    "event.term_end": ("term ends", "termina mandato"),
    "role.member": ("member", "miembro"),
    "role.associate": ("associate", "asociado"),
    "role.observer": ("observer", "observador"),
    "role.state_party": ("state party", "Estado parte"),
    "role.pro_tempore_presidency": ("pro tempore presidency", "presidencia pro tempore"),
    "role.co_chair": ("co-chair", "copresidencia"),
    "role.technical_secretariat": ("technical secretariat", "secretaría técnica"),
    "role.organiser": ("organiser", "organizador"),
    "kind.bi_regional_dialogue": ("bi-regional dialogue", "diálogo birregional"),
    "kind.regional_consultative_process": ("regional consultative process", "proceso consultivo regional"),
    "kind.regional_integration_body": ("regional integration body", "organismo de integración regional"),
    "kind.global_compact": ("global compact", "pacto mundial"),
    "kind.global_forum": ("global forum", "foro mundial"),
    "kind.regional_plan": ("regional plan", "plan regional"),
    "kind.agreement_regime": ("agreement regime", "régimen de acuerdo"),
    "kind.network": ("network", "red"),
    "kind.programme_project": ("programme or project", "programa o proyecto"),
    "kind.eu_policy_framework": ("EU policy framework", "marco de política de la UE"),
    "kind.summit_series": ("series of summits", "serie de cumbres"),
    "kind.intergovernmental_organisation": ("intergovernmental organisation", "organización intergubernamental"),
    "scope.global": ("global", "mundial"),
    "scope.bi_regional": ("bi-regional", "birregional"),
    "scope.regional": ("regional", "regional"),
    "scope.subregional": ("subregional", "subregional"),
    "scope.national": ("national", "nacional"),
    "status.active": ("active", "activo"),
    "status.dormant": ("dormant", "inactivo"),
    "status.ended": ("ended", "concluido"),
    "status.suspended": ("suspended", "suspendido"),
    "meeting_kind.high_level_meeting": ("high-level meeting", "reunión de alto nivel"),
    "meeting_kind.summit": ("summit", "cumbre"),
    "meeting_kind.conference": ("conference", "conferencia"),
    "meeting_kind.ministerial": ("ministerial meeting", "reunión ministerial"),
    "meeting_kind.round": ("round", "ronda"),
    "meeting_kind.regional_review": ("regional review", "examen regional"),
    "meeting_kind.global_review": ("global review", "examen mundial"),
    "meeting_kind.forum": ("forum", "foro"),
    "meeting_kind.technical_meeting": ("technical meeting", "reunión técnica"),
    "meeting_kind.launch": ("launch", "lanzamiento"),
    "modality.in_person": ("in person", "presencial"),
    "modality.virtual": ("virtual", "virtual"),
    "modality.hybrid": ("hybrid", "híbrida"),
    "instrument_type.decision": ("decision", "decisión"),
    "instrument_type.agreement": ("agreement", "acuerdo"),
    "instrument_type.declaration": ("declaration", "declaración"),
    "instrument_type.resolution": ("resolution", "resolución"),
    "instrument_type.decree": ("decree", "decreto"),
    "instrument_type.law": ("law", "ley"),
    "instrument_type.plan": ("plan", "plan"),
    "instrument_type.action_plan": ("action plan", "plan de acción"),
    "instrument_type.statute": ("statute", "estatuto"),
    "instrument_type.communication": ("communication", "comunicación"),
    "instrument_type.protocol": ("protocol", "protocolo"),
}

#: Code lists shown in reports: label prefix -> (table, column) whose declared values need labels.
CODE_LISTS: dict[str, tuple[str, str]] = {
    "event": ("memberships", "event"),
    "role": ("memberships", "role"),
    "kind": ("frameworks", "kind"),
    "scope": ("frameworks", "scope"),
    "status": ("frameworks", "status"),
    "meeting_kind": ("meetings", "kind"),
    "modality": ("meetings", "modality"),
    "instrument_type": ("instruments", "type"),
    "precision": ("meetings", "start_precision"),
}


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is a supported report language, else raise
    :class:`~migresearch.errors.UnsupportedLanguageError` (a ``ValueError``)."""
    if lang not in LANGS:
        from migresearch.errors import UnsupportedLanguageError

        raise UnsupportedLanguageError(lang, LANGS)
    return lang


def t(key: str, lang: str, **values: Any) -> str:
    """The label ``key`` in ``lang``, with ``{placeholders}`` filled.

    >>> t("section.meetings", "es")
    'Reuniones'
    """
    en, es = LABELS[key]
    text = es if check_lang(lang) == "es" else en
    return text.format(**values) if values else text


def code(prefix: str, value: Any, lang: str) -> str:
    """Label of a code-list value (``code("event", "join", "es") == "ingresa"``); empty for missing values."""
    if value is None or (isinstance(value, float) and value != value) or str(value) in ("", "<NA>", "nan"):
        return ""
    return t(f"{prefix}.{value}", lang)


def _locale(lang: str) -> str:
    return "es" if check_lang(lang) == "es" else "en_GB"


def date(value: Any, precision: str | None, lang: str) -> str:
    """A date at its precision: ``26 de noviembre de 2013``, ``noviembre de 2013`` or ``2013``; empty if missing.

    >>> date(dt.date(2013, 11, 26), "day", "es")
    '26 de noviembre de 2013'
    >>> date(dt.date(2013, 11, 1), "month", "en")
    'November 2013'
    """
    from babel.dates import format_date, format_skeleton

    if value is None or str(value) in ("NaT", "<NA>", "nan", ""):
        return ""
    day = value.date() if hasattr(value, "date") and callable(value.date) else value
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return format_skeleton("yMMMM", day, locale=_locale(lang))
    return format_date(day, "long", locale=_locale(lang))


def number(value: float | int, lang: str, decimals: int | None = None) -> str:
    """A number in the report's locale: ``1.234,5`` in Spanish, ``1,234.5`` in English.

    >>> number(1234.5, "es")
    '1.234,5'
    """
    from babel.numbers import format_decimal

    if decimals is not None:
        return format_decimal(
            round(value, decimals), format=f"#,##0.{'0' * decimals}" if decimals else "#,##0", locale=_locale(lang)
        )
    return format_decimal(value, locale=_locale(lang))


# --- plural forms (CLDR, through Babel) -------------------------------------------------------------

#: Texts with a count: key -> (English forms, Spanish forms) by CLDR plural category; ``other`` is required.
PLURALS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "n.parties": ({"one": "{n} party", "other": "{n} parties"}, {"one": "{n} parte", "other": "{n} partes"}),
    "n.members": ({"one": "{n} member", "other": "{n} members"}, {"one": "{n} miembro", "other": "{n} miembros"}),
    "n.meetings": ({"one": "{n} meeting", "other": "{n} meetings"}, {"one": "{n} reunión", "other": "{n} reuniones"}),
    "n.disagreements": (
        {"one": "{n} disagreement", "other": "{n} disagreements"},
        {"one": "{n} discrepancia", "other": "{n} discrepancias"},
    ),
    "n.sources": ({"one": "{n} source", "other": "{n} sources"}, {"one": "{n} fuente", "other": "{n} fuentes"}),
    "n.reports": ({"one": "{n} report", "other": "{n} reports"}, {"one": "{n} informe", "other": "{n} informes"}),
    "n.frameworks": ({"one": "{n} framework", "other": "{n} frameworks"}, {"one": "{n} marco", "other": "{n} marcos"}),
    "n.countries": ({"one": "{n} country", "other": "{n} countries"}, {"one": "{n} país", "other": "{n} países"}),
    "n.instruments": (
        {"one": "{n} instrument", "other": "{n} instruments"},
        {"one": "{n} instrumento", "other": "{n} instrumentos"},
    ),
    "n.events": (
        {"one": "{n} membership event", "other": "{n} membership events"},
        {"one": "{n} evento de membresía", "other": "{n} eventos de membresía"},
    ),
    "n.programmes": ({"one": "{n} programme", "other": "{n} programmes"}, {"one": "{n} programa", "other": "{n} programas"}),
    "n.gaps_es": ({"one": "{n} text", "other": "{n} texts"}, {"one": "{n} texto", "other": "{n} textos"}),
    "text.members_count": (
        {
            "one": "{n} party in the role of member or state party on {date}.",
            "other": "{n} parties in the role of member or state party on {date}.",
        },
        {
            "one": "{n} parte con función de miembro o Estado parte al {date}.",
            "other": "{n} partes con función de miembro o Estado parte al {date}.",
        },
    ),
    "text.conflicts_count": (
        {
            "one": "{n} disagreement between sources concerns this framework.",
            "other": "{n} disagreements between sources concern this framework.",
        },
        {
            "one": "{n} discrepancia entre fuentes afecta a este marco.",
            "other": "{n} discrepancias entre fuentes afectan a este marco.",
        },
    ),
    "text.hlm_listed": (
        {
            "one": "The data hold {n} numbered high-level meeting, {first}.",
            "other": "The data hold {n} numbered high-level meetings, from {first} to {last}.",
        },
        {
            "one": "Los datos contienen {n} reunión de alto nivel numerada, la {first}.",
            "other": "Los datos contienen {n} reuniones de alto nivel numeradas, de la {first} a la {last}.",
        },
    ),
    "text.disagreements_shown": (
        {"one": "{n} disagreement between sources:", "other": "{n} disagreements between sources:"},
        {"one": "{n} discrepancia entre fuentes:", "other": "{n} discrepancias entre fuentes:"},
    ),
    "text.same_span": (
        {"one": "{n} party, a member since {since}.", "other": "All {n} parties have been members since {since}."},
        {"one": "{n} parte, miembro desde {since}.", "other": "Las {n} partes son miembros desde {since}."},
    ),
    "chart.meetings_alt": (
        {
            "one": "Timeline of {n} meeting, in {first}.",
            "other": "Timeline of {n} meetings, from {first} to {last}, one row per kind of meeting.",
        },
        {
            "one": "Cronología de {n} reunión, en {first}.",
            "other": "Cronología de {n} reuniones, de {first} a {last}, una fila por tipo de reunión.",
        },
    ),
    "chart.members_alt": (
        {
            "one": "Membership period of {n} party, from {first} to {last}.",
            "other": "Membership periods of {n} parties, from {first} to {last}; suspensions hatched.",
        },
        {
            "one": "Período de membresía de {n} parte, de {first} a {last}.",
            "other": "Períodos de membresía de {n} partes, de {first} a {last}; suspensiones rayadas.",
        },
    ),
}


def plural_category(n: float | int, lang: str) -> str:
    """The CLDR plural category of ``n`` in ``lang`` (``one``, ``many``, ``other``...).

    >>> plural_category(1, "es"), plural_category(2, "es"), plural_category(1_000_000, "es")
    ('one', 'other', 'many')
    """
    from babel import Locale

    return str(Locale.parse(_locale(lang)).plural_form(abs(n)))


def plural(key: str, n: int | float, lang: str, **values: Any) -> str:
    """The text ``key`` for the count ``n`` in its CLDR plural form, ``{n}`` formatted for ``lang``.

    >>> plural("n.parties", 1, "en"), plural("n.parties", 2, "en"), plural("n.disagreements", 1, "es")
    ('1 party', '2 parties', '1 discrepancia')
    """
    en, es = PLURALS[key]
    forms = es if check_lang(lang) == "es" else en
    text = forms.get(plural_category(n, lang), forms["other"])
    return text.format(n=number(n, lang), **values)


# --- ordinals, lists, date ranges ------------------------------------------------------------------


def ordinal(n: int, lang: str, gender: str = "f") -> str:
    """``n`` as an ordinal in the language's convention: ``1st``, ``2nd`` / ``1.ª``, ``2.º`` (``gender`` f or m).

    >>> ordinal(1, "en"), ordinal(22, "en"), ordinal(13, "en"), ordinal(2, "es"), ordinal(3, "es", "m")
    ('1st', '22nd', '13th', '2.ª', '3.º')
    """
    n = int(n)
    if check_lang(lang) == "es":
        return f"{n}.{'ª' if gender == 'f' else 'º'}"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def join(items: Sequence[str], lang: str) -> str:
    """A list in running text: ``A, B and C`` / ``A, B y C`` (CLDR list patterns).

    >>> join(["Guyana", "Surinam", "Perú"], "es")
    'Guyana, Surinam y Perú'
    """
    from babel.lists import format_list

    items = [str(x) for x in items if str(x)]
    return format_list(items, locale=_locale(lang)) if items else ""


def _as_day(value: Any) -> dt.date | None:
    if value is None or str(value) in ("NaT", "<NA>", "nan", "None", ""):
        return None
    day = value.date() if hasattr(value, "date") and callable(value.date) else value
    return dt.date.fromisoformat(day) if isinstance(day, str) else day


def date_range(start: Any, start_precision: str | None, end: Any, end_precision: str | None, lang: str) -> str:
    """A span at its precision: ``24–25 May 2011``, ``24 de mayo – 25 de junio de 2011``; one date when equal or no end.

    >>> date_range(dt.date(2011, 5, 24), "day", dt.date(2011, 5, 25), "day", "es")
    '24–25 de mayo de 2011'
    >>> date_range(dt.date(2011, 5, 24), "day", None, None, "en")
    '24 May 2011'
    """
    from babel.dates import format_skeleton

    a, b = _as_day(start), _as_day(end)
    if a is None:
        return date(b, end_precision, lang) if b is not None else ""
    if b is None or b == a:
        return date(a, start_precision, lang)
    if start_precision in (None, "day") and end_precision in (None, "day") and a.year == b.year:
        if a.month == b.month:
            return f"{a.day}–{date(b, 'day', lang)}"
        return f"{format_skeleton('MMMMd', a, locale=_locale(lang))} – {date(b, 'day', lang)}"
    return f"{date(a, start_precision, lang)} – {date(b, end_precision, lang)}"
