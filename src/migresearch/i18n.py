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
    "nav.bilingual": ("English and Spanish", "Español e inglés"),
    "nav.jump_country": ("Go to a country:", "Ir a un país:"),
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
    "summary.regularisation": (
        "Every regularisation programme recorded: instruments, windows, eligibility, permits, fees, "
        "beneficiaries with their dates, a timeline by country, and where sources disagree.",
        "Todos los programas de regularización registrados: instrumentos, plazos, requisitos, permisos, tasas, "
        "personas beneficiarias con sus fechas, una cronología por país y las discrepancias entre fuentes.",
    ),
    "summary.regular_pathways": (
        "The MERCOSUR Residence Agreement and the Andean Migration Statute side by side: who may use which, "
        "where, since when, on what terms and with which exceptions.",
        "El Acuerdo de Residencia del MERCOSUR y el Estatuto Migratorio Andino, uno junto al otro: quién puede "
        "usar cada uno, dónde, desde cuándo, en qué condiciones y con qué excepciones.",
    ),
    "summary.consular": (
        "Whose consulates may assist a national where the own state has no consulate, under which instrument, "
        "and which pairs of states nothing covers.",
        "Qué consulados pueden asistir a un nacional donde su Estado no tiene consulado, en virtud de qué instrumento, "
        "y qué pares de Estados no cubre nada.",
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
    "text.ov_undated": (
        "Not counted in {framework} because no date of joining is recorded: {parties}.",
        "No se cuentan en {framework} porque no consta la fecha de ingreso: {parties}.",
    ),
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
    "date.not_recorded": ("date not recorded", "fecha no registrada"),
    "text.un_vote": ("the vote of {country} on {resolution} ({vote})", "el voto de {country} sobre {resolution} ({vote})"),
    "column.theme_es": ("theme (Spanish)", "tema (en español)"),
    "column.cutoff_kind": ("kind of cut-off", "tipo de fecha límite"),
    "column.event": ("event", "evento"),
    "column.parties": ("parties", "partes"),
    "vote.yes": ("yes", "a favor"),
    "vote.no": ("no", "en contra"),
    "vote.abstain": ("abstained", "abstención"),
    "vote.absent": ("did not vote", "no votó"),
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
    "column.fee": ("fee", "tasa"),
    "column.issued_date": ("date issued", "fecha de expedición"),
    "column.note": ("note", "nota"),
    "column.inferred_from": ("reason for an inferred value", "motivo de un valor inferido"),
    "column.permit_type": ("permit", "permiso"),
    "column.theme_en": ("theme (English)", "tema (en inglés)"),
    "column.vote": ("vote", "voto"),
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
    # --- analyses (issue 12) ---------------------------------------------------------------------
    "report.regularisation": (
        "Regularisation mechanisms in Latin America and the Caribbean",
        "Mecanismos de regularización en América Latina y el Caribe",
    ),
    "text.reg_lead": (
        "{programmes} in {countries}, as the data stand on {date}: instruments, registration windows, "
        "eligibility, permits, fees and published figures, and where sources disagree.",
        "{programmes} en {countries}, según los datos al {date}: instrumentos, plazos de inscripción, "
        "requisitos, permisos, tasas y cifras publicadas, y las discrepancias entre fuentes.",
    ),
    "section.programmes": ("Programmes compared", "Comparación de los programas"),
    "section.reg_figures": (
        "Beneficiaries and other figures, with their vintages",
        "Personas beneficiarias y otras cifras, con sus versiones",
    ),
    "section.reg_timeline": ("Programmes over time, by country", "Programas a lo largo del tiempo, por país"),
    "section.reg_by_country": ("Programmes per country", "Programas por país"),
    "text.reg_figures": (
        "Each figure is shown with the date it refers to and the date it was published; a later publication "
        "may revise an earlier one, so every vintage is kept.",
        "Cada cifra se muestra con la fecha a la que se refiere y la fecha de su publicación; una publicación "
        "posterior puede corregir otra anterior, por eso se conservan todas las versiones.",
    ),
    "text.from": ("from {date}", "desde el {date}"),
    "text.until": ("until {date}", "hasta el {date}"),
    "text.announced": ("announced {date}", "anunciado: {date}"),
    "text.renewable": ("renewable", "renovable"),
    "text.free": ("free of charge", "gratuito"),
    "text.only_in_en": ("text available only in English", "texto disponible solo en inglés"),
    "text.as_of_date": ("as of {date}", "al {date}"),
    "text.for_nationals": ("For nationals of: {names}", "Para nacionales de: {names}"),
    "text.vintage": ("{k} of {n}", "{k} de {n}"),
    "field.country": ("Country", "País"),
    "field.programme": ("Programme", "Programa"),
    "field.instruments": ("Legal instruments", "Instrumentos jurídicos"),
    "field.window": ("Registration window", "Plazo de inscripción"),
    "field.cutoff": ("Eligibility cut-off", "Fecha límite de elegibilidad"),
    "field.permit": ("Permit and length", "Permiso y duración"),
    "field.fee": ("Fee", "Tasa"),
    "field.beneficiaries": ("Beneficiaries (latest figure)", "Personas beneficiarias (última cifra)"),
    "field.series": ("What is counted", "Qué se cuenta"),
    "field.as_of": ("Refers to", "Se refiere a"),
    "field.published": ("Published", "Publicación"),
    "field.vintage": ("Vintage (1 = latest)", "Versión (1 = la más reciente)"),
    "field.programmes": ("Programmes", "Programas"),
    "field.period": ("Years", "Años"),
    "field.with_figures": ("With a published figure", "Con una cifra publicada"),
    "chart.reg_timeline": ("Regularisation programmes by country", "Programas de regularización por país"),
    "chart.reg_timeline_alt": (
        "Timeline of {programmes} in {countries}, from {first} to {last}: a bar per registration window, "
        "a dot where only the opening or the announcement is dated.",
        "Cronología de {programmes} en {countries}, de {first} a {last}: una barra por plazo de inscripción, "
        "un punto cuando solo consta la apertura o el anuncio.",
    ),
    "chart.window": ("registration window", "plazo de inscripción"),
    "chart.window_open_end": ("window opens (end not recorded)", "apertura (cierre no registrado)"),
    "chart.announced_only": ("announced (no window recorded)", "anuncio (sin plazo registrado)"),
    "qualifier.more_than": ("more than", "más de"),
    "qualifier.about": ("about", "unas"),
    "qualifier.at_least": ("at least", "al menos"),
    "qualifier.up_to": ("up to", "hasta"),
    "qualifier.exact": ("exactly", "exactamente"),
    "programme_status.announced": ("announced", "anunciado"),
    "programme_status.open": ("open", "abierto"),
    "programme_status.closed": ("closed", "cerrado"),
    "programme_status.ongoing": ("ongoing", "en curso"),
    "programme_status.repealed": ("repealed", "derogado"),
    "programme_status.replaced": ("replaced", "sustituido"),
    "cutoff_kind.entry_before": ("entered by", "ingreso hasta el"),
    "cutoff_kind.residence_since": ("resident since", "residencia desde el"),
    "cutoff_kind.registered_by": ("registered by", "registro hasta el"),
    "cutoff_kind.status_held_by": ("status held on", "estatus vigente al"),
    "cutoff_kind.none": ("no date condition", "sin condición de fecha"),
    "table.sources": ("Sources", "Fuentes"),
    "table.countries": ("Countries", "Países"),
    "table.regions": ("Regions", "Regiones"),
    "table.gcm_objectives": ("GCM objectives", "Objetivos del PMM"),
    "table.gcm_principles": ("GCM guiding principles", "Principios rectores del PMM"),
    "table.eu_presidencies": ("EU Council presidencies", "Presidencias del Consejo de la UE"),
    "table.frameworks": ("Cooperation frameworks", "Marcos de cooperación"),
    "table.memberships": ("Membership events", "Eventos de membresía"),
    "table.meetings": ("Meetings", "Reuniones"),
    "table.forum_themes": ("Meeting themes", "Temas de reuniones"),
    "table.instruments": ("Instruments", "Instrumentos"),
    "table.un_votes": ("UN votes", "Votaciones en la ONU"),
    "table.regularisations": ("Regularisation programmes", "Programas de regularización"),
    "table.regularisation_instruments": ("Regularisation instruments", "Instrumentos de regularización"),
    "table.consular_mechanisms": ("Consular mechanisms", "Mecanismos consulares"),
    "table.consular_coverage": ("Consular coverage", "Cobertura consular"),
    "table.practices": ("Practices", "Prácticas"),
    "table.series": ("Statistical series", "Series estadísticas"),
    "table.figures": ("Published figures", "Cifras publicadas"),
    "table.framework_objectives": ("Framework-objective links", "Vínculos marco-objetivo"),
    "table.claims": ("Claims of sources", "Afirmaciones de fuentes"),
    "table.places": ("Places", "Lugares"),
    "report.data_quality": (
        "Data quality: what the data hold and how well they are supported",
        "Calidad de los datos: qué contienen y con qué respaldo",
    ),
    "summary.data_quality": (
        "Rows per table and source, coverage per country, inferred values and why, open disagreements, rows "
        "without evidence, missing Spanish text and the oldest sources.",
        "Filas por tabla y fuente, cobertura por país, valores inferidos y por qué, discrepancias abiertas, filas "
        "sin cita de respaldo, textos en español que faltan y las fuentes más antiguas.",
    ),
    "text.dq_lead": (
        "On {date} the data hold {rows} rows in {tables}, drawn from {sources}.",
        "Al {date} los datos contienen {rows} filas en {tables}, tomadas de {sources}.",
    ),
    "section.dq_tables": ("Rows per table", "Filas por tabla"),
    "text.dq_tables": (
        "For each table: its rows, the sources it cites, the rows with an inferred value, the rows without an evidence "
        "quote from their source, and the Spanish texts missing where the English one exists.",
        "Para cada tabla: sus filas, las fuentes que cita, las filas con algún valor inferido, las filas sin cita textual "
        "de su fuente y los textos en español que faltan donde existe el inglés.",
    ),
    "section.dq_sources": ("Rows per source", "Filas por fuente"),
    "text.dq_sources": (
        "The {top} sources most rows rest on. {once} sources support a single row; {unused} are cited by no row.",
        "Las {top} fuentes en que se apoyan más filas. {once} fuentes respaldan una sola fila; {unused} no las cita ninguna fila.",
    ),
    "section.dq_coverage": ("Coverage per country", "Cobertura por país"),
    "text.dq_coverage": (
        "Rows naming each CELAC member, per table, thinnest first. Least covered: {names}.",
        "Filas que nombran a cada miembro de la CELAC, por tabla, de menor a mayor. Con menos cobertura: {names}.",
    ),
    "section.dq_inferred": ("Inferred values and why", "Valores inferidos y por qué"),
    "text.dq_inferred": (
        "Values deduced rather than stated by a source, per table and field, with the first reason the data give.",
        "Valores deducidos y no afirmados por una fuente, por tabla y campo, con el primer motivo que dan los datos.",
    ),
    "text.dq_other_field": ("another field", "otro campo"),
    "section.dq_conflicts": ("Open disagreements between sources", "Discrepancias abiertas entre fuentes"),
    "text.dq_conflicts": (
        "Records and fields on which sources give different values; each report shows its own as a comparison.",
        "Registros y campos en que las fuentes dan valores distintos; cada informe muestra los suyos como comparación.",
    ),
    "section.dq_spanish": ("Spanish text missing", "Textos en español que faltan"),
    "text.dq_spanish": (
        "Spanish cells left empty where the English text exists, and prose the data hold only in English (notes, "
        "reasons, permits, fees); Spanish pages show the English marked as such.",
        "Celdas en español vacías donde existe el texto en inglés, y textos que los datos tienen solo en inglés (notas, "
        "motivos, permisos, tasas); las páginas en español muestran el inglés señalado como tal.",
    ),
    "text.dq_no_spanish_gaps": (
        "Every English text has its Spanish version.",
        "Todos los textos en inglés tienen su versión en español.",
    ),
    "section.dq_oldest": ("The oldest sources", "Las fuentes más antiguas"),
    "text.dq_oldest": (
        "By date of publication; {undated} sources give none. The first source was read on {first}.",
        "Por fecha de publicación; {undated} fuentes no la indican. La primera fuente se consultó el {first}.",
    ),
    "text.dq_computed": (
        "Computed from the data package as it stands on {date}.",
        "Calculado a partir del paquete de datos al {date}.",
    ),
    "field.table": ("Table", "Tabla"),
    "field.rows": ("Rows", "Filas"),
    "field.sources_cited": ("Sources cited", "Fuentes citadas"),
    "field.inferred_rows": ("Rows with an inferred value", "Filas con un valor inferido"),
    "field.evidence_missing": ("Rows without evidence quote", "Filas sin cita de respaldo"),
    "field.spanish_missing": ("Spanish texts missing", "Textos en español que faltan"),
    "field.producer": ("Producer", "Productor"),
    "field.rows_citing": ("Rows citing it", "Filas que la citan"),
    "field.total": ("Total", "Total"),
    "field.example_reason": ("Reason (first given)", "Motivo (el primero)"),
    "field.disagreements": ("Disagreements", "Discrepancias"),
    "field.claims": ("Claims", "Afirmaciones"),
    "field.missing": ("Missing", "Faltan"),
    "field.filled": ("Filled", "Completos"),
    "field.accessed": ("Read on", "Consultada el"),
    "report.compendium": (
        "Good practices for the socio-economic inclusion of migrants: a compendium",
        "Buenas prácticas para la inclusión socioeconómica de las personas migrantes: compendio",
    ),
    "summary.compendium": (
        "The forum's framework document of good practices, generated from the data: by forum theme and by GCM "
        "objective, each with its summary, countries, organisations, period and sources.",
        "El documento marco de buenas prácticas del foro, generado a partir de los datos: por tema del foro y por "
        "objetivo del PMM, cada una con su resumen, países, organizaciones, período y fuentes.",
    ),
    "text.cp_lead": (
        "{n} recorded in the data, grouped by the seven themes of the regional forum of Bogotá (April 2025) and indexed "
        "by objective of the Global Compact for Migration. Summaries are ours; each practice cites its source.",
        "{n} registradas en los datos, agrupadas según los siete temas del foro regional de Bogotá (abril de 2025) e "
        "indexadas por objetivo del Pacto Mundial para la Migración. Los resúmenes son nuestros; cada práctica cita su fuente.",
    ),
    "text.contents": ("Contents", "Índice"),
    "text.theme_n": ("Theme {n}. {title}", "Tema {n}. {title}"),
    "text.theme_short": ("theme {n}", "tema {n}"),
    "text.other_practices": ("Practices that answer no forum theme", "Prácticas que no responden a ningún tema del foro"),
    "section.cp_by_objective": ("Index by GCM objective", "Índice por objetivo del PMM"),
    "text.cp_by_objective": (
        "Each objective of the Global Compact for Migration that a practice serves as a main objective, with the "
        "practices serving it.",
        "Cada objetivo del Pacto Mundial para la Migración al que una práctica sirve como objetivo principal, con "
        "las prácticas que lo atienden.",
    ),
    "text.gcm_objective_named": ("Objective {n}: {title}", "Objetivo {n}: {title}"),
    "text.since": ("since {date}", "desde {date}"),
    "text.see_also": ("Also answering this theme:", "También responden a este tema:"),
    "text.cp_coding": (
        "GCM objectives, principles and forum themes are our coding of the practice.",
        "Los objetivos y principios del PMM y los temas del foro son nuestra codificación de la práctica.",
    ),
    "field.countries": ("Countries", "Países"),
    "field.organisations": ("Organisations", "Organizaciones"),
    "field.area": ("Area", "Ámbito"),
    "field.when": ("Period", "Período"),
    "field.gcm_primary": ("Main GCM objectives", "Objetivos principales del PMM"),
    "field.gcm_secondary": ("Further GCM objectives", "Otros objetivos del PMM"),
    "field.principles": ("GCM guiding principles", "Principios rectores del PMM"),
    "field.forum_themes": ("Forum themes", "Temas del foro"),
    "field.frameworks": ("Frameworks", "Marcos"),
    "field.coding": ("Coding", "Codificación"),
    "practice_kind.regularisation": ("regularisation", "regularización"),
    "practice_kind.regular_pathway": ("regular pathway", "vía regular"),
    "practice_kind.consular": ("consular cooperation", "cooperación consular"),
    "practice_kind.labour_market_inclusion": ("labour market inclusion", "inserción laboral"),
    "practice_kind.health": ("health", "salud"),
    "practice_kind.education": ("education", "educación"),
    "practice_kind.recognition_of_qualifications": ("recognition of qualifications", "reconocimiento de títulos"),
    "practice_kind.financial_inclusion_remittances": ("financial inclusion and remittances", "inclusión financiera y remesas"),
    "practice_kind.anti_xenophobia": ("against xenophobia", "contra la xenofobia"),
    "practice_kind.data_information": ("data and information", "datos e información"),
    "practice_kind.documentation": ("documentation", "documentación"),
    "practice_kind.protection": ("protection", "protección"),
    "report.overlaps": (
        "Framework overlaps: who sits where, on which objectives",
        "Superposición de marcos: quién participa dónde y en qué objetivos",
    ),
    "summary.overlaps": (
        "Which countries sit in which frameworks on a date, which frameworks work on the same GCM objectives, "
        "and the pairs that overlap most: where efforts may be duplicated.",
        "Qué países participan en qué marcos en una fecha, qué marcos trabajan en los mismos objetivos del PMM y "
        "los pares que más se superponen: dónde pueden duplicarse esfuerzos.",
    ),
    "text.ov_lead": (
        "On {date}, {countries} sit in {frameworks} as members or states parties; {multi} of them in three or more at once.",
        "Al {date}, {countries} participan en {frameworks} como miembros o Estados parte; {multi} de ellos en tres o más a la vez.",
    ),
    "section.ov_membership": ("Countries by framework on {date}", "Países por marco al {date}"),
    "text.ov_membership_table": (
        "Each country's frameworks on {date} (the chart's rows, by name), with how many.",
        "Los marcos de cada país al {date} (las filas del gráfico, por nombre), con cuántos son.",
    ),
    "section.ov_objectives": ("Frameworks by GCM objective", "Marcos por objetivo del PMM"),
    "text.ov_objectives": (
        "A coloured cell means the data record that the framework works on the objective, with the basis quoted below.",
        "Una celda coloreada indica que los datos registran que el marco trabaja en el objetivo; la base figura debajo.",
    ),
    "section.ov_pairs": ("The pairs of frameworks that overlap most", "Los pares de marcos que más se superponen"),
    "text.ov_pairs": (
        "The {n} pairs with most member states in common, then most shared objectives. The share is the common members "
        "over the members of either.",
        "Los {n} pares con más Estados miembros en común y, luego, con más objetivos compartidos. La proporción es la de "
        "miembros comunes sobre los miembros de uno u otro.",
    ),
    "field.framework": ("Framework", "Marco"),
    "field.members_on_date": ("Members or states parties on the date", "Miembros o Estados parte en la fecha"),
    "field.gcm_objective": ("GCM objective", "Objetivo del PMM"),
    "field.basis": ("Basis in the source", "Fundamento en la fuente"),
    "field.pair": ("Pair of frameworks", "Par de marcos"),
    "field.shared_members": ("Members in common", "Miembros en común"),
    "field.share_of_members": ("Share of members in common", "Proporción de miembros en común"),
    "field.shared_objectives": ("Objectives in common", "Objetivos en común"),
    "chart.ov_membership": ("Membership by country and framework, {date}", "Membresía por país y marco, {date}"),
    "chart.ov_membership_alt": (
        "Grid of {countries} by {frameworks}; a coloured cell is a member or state party on the date. {top} sits in the most frameworks ({n}).",
        "Cuadrícula de {countries} por {frameworks}; una celda coloreada es un miembro o Estado parte en la fecha. {top} participa en más marcos ({n}).",
    ),
    "chart.ov_objectives": ("GCM objectives each framework works on", "Objetivos del PMM en que trabaja cada marco"),
    "chart.ov_objectives_alt": (
        "Grid of {frameworks} by the 23 GCM objectives; the objective most frameworks work on is {objective} ({n}).",
        "Cuadrícula de {frameworks} por los 23 objetivos del PMM; el objetivo en que trabajan más marcos es {objective} ({n}).",
    ),
    "chart.framework": ("Framework", "Marco"),
    "chart.country": ("Country", "País"),
    "chart.gcm_objective": ("GCM objective", "Objetivo del PMM"),
    "report.consular": (
        "Consular cooperation where a state has no consulate",
        "Cooperación consular donde un Estado no tiene consulado",
    ),
    "text.cc_lead": (
        "On {date}, nationals of {covered} of the {total} states considered may turn to another state's consulate, "
        "wherever their own state has none, under an instrument in force: who may assist whom, under which instrument, where, and which pairs no mechanism covers.",
        "Al {date}, los nacionales de {covered} de los {total} Estados considerados pueden acudir al consulado de otro Estado, "
        "dondequiera que el suyo no tenga consulado, en virtud de un instrumento en vigor: quién puede asistir a quién, con qué instrumento, dónde y qué pares no cubre "
        "ningún mecanismo.",
    ),
    "section.cc_who": (
        "Whose consulates may assist a national, and under what",
        "Qué consulados pueden asistir a un nacional y en virtud de qué",
    ),
    "text.cc_who": (
        "Read a row as: a national of the first state, in a third country where that state has no consulate, may turn to the "
        "consulates of the assisting states under the instrument, with the status it has on the date.",
        "Cada fila se lee así: un nacional del primer Estado, en un tercer país donde su Estado no tiene consulado, puede acudir "
        "a los consulados de los Estados que asisten en virtud del instrumento, con la situación que este tiene en la fecha.",
    ),
    "section.cc_heatmap": ("Nationality by assisting state", "Nacionalidad por Estado que asiste"),
    "section.cc_mechanisms": (
        "Instruments in force and instruments only signed",
        "Instrumentos en vigor e instrumentos solo firmados",
    ),
    "text.cc_mechanisms": (
        "{in_force} in force or operating, {pending} signed or ratified but not yet applicable, {none} with no coverage "
        "rule recorded in the data.",
        "{in_force} en vigor o en funcionamiento, {pending} firmados o ratificados pero aún no aplicables, {none} sin "
        "regla de cobertura registrada en los datos.",
    ),
    "section.cc_uncovered": ("Pairs no mechanism covers", "Pares que ningún mecanismo cubre"),
    "text.cc_pairs": (
        "{pairs} of {total} (nationality, assisting state) are covered by no instrument in force or signed.",
        "{pairs} de {total} (nacionalidad, Estado que asiste) no están cubiertos por ningún instrumento en vigor ni firmado.",
    ),
    "text.cc_no_cover": (
        "Nationals with no instrument in force at all: {names}.",
        "Nacionales sin ningún instrumento en vigor: {names}.",
    ),
    "text.cc_only_in": ("only in: {places}", "solo en: {places}"),
    "text.cc_count_then_states": ("{states}: {names}", "{states}: {names}"),
    "claim_value.signed_pending_ratification": ("signed, pending ratification", "firmado, pendiente de ratificación"),
    "claim_value.ratified_by_argentina_ecuador_peru_uruguay_colombia": (
        "ratified by Argentina, Ecuador, Peru, Uruguay and Colombia",
        "ratificado por Argentina, Ecuador, Perú, Uruguay y Colombia",
    ),
    "field.nationals_of": ("Nationals of", "Nacionales de"),
    "field.assisting": ("Consulates that may assist", "Consulados que pueden asistir"),
    "field.where": ("Where", "Dónde"),
    "field.states": ("States", "Estados"),
    "field.what_it_does": ("What it does", "Qué hace"),
    "field.n_covered": ("States that may assist (in force)", "Estados que pueden asistir (en vigor)"),
    "field.n_pending": ("Only signed", "Solo firmado"),
    "field.n_listed": ("Only in listed places", "Solo en lugares indicados"),
    "field.n_uncovered": ("Not covered", "Sin cobertura"),
    "cc_where.third_state_without_own_consulate": (
        "third states where the national's own state has no consulate",
        "terceros Estados donde el Estado del nacional no tiene consulado",
    ),
    "cc_where.any_third_state": ("any third state", "cualquier tercer Estado"),
    "cc_where.listed": ("listed places", "lugares indicados"),
    "cc_status.signed": ("signed, not yet in force", "firmado, aún sin vigor"),
    "cc_status.ratified": ("ratified, not yet in force", "ratificado, aún sin vigor"),
    "cc_status.in_force": ("in force", "en vigor"),
    "cc_status.operational": ("operating", "en funcionamiento"),
    "cc_status.activated": ("activated", "activado"),
    "cc_mech.in_force": ("in force or operating", "en vigor o en funcionamiento"),
    "cc_mech.signed_only": ("signed only", "solo firmado"),
    "cc_mech.no_coverage": ("no coverage rule recorded", "sin regla de cobertura registrada"),
    "cc_cell.in_force": ("in force", "en vigor"),
    "cc_cell.in_force_listed": ("in force, only in listed places", "en vigor, solo en lugares indicados"),
    "cc_cell.signed_only": ("signed only", "solo firmado"),
    "cc_cell.none": ("no mechanism", "ningún mecanismo"),
    "chart.cc_heatmap": (
        "Whose consulates may assist whose nationals, {date}",
        "Qué consulados pueden asistir a qué nacionales, {date}",
    ),
    "chart.cc_assisting": ("Assisting state", "Estado que asiste"),
    "field.cc_in_force": ("Assisting states, instrument in force", "Estados que asisten, instrumento en vigor"),
    "field.cc_in_force_listed": ("Assisting states, only in listed places", "Estados que asisten, solo en lugares indicados"),
    "field.cc_signed_only": ("States with an instrument only signed", "Estados con un instrumento solo firmado"),
    "field.cc_none": ("States no mechanism covers", "Estados que ningún mecanismo cubre"),
    "text.cc_matrix_table": (
        "The same matrix as a list: for the nationals of each state, the states whose consulates may assist them, by status.",
        "La misma matriz como lista: para los nacionales de cada Estado, los Estados cuyos consulados pueden asistirlos, "
        "según la situación.",
    ),
    "chart.cc_nationals": ("Nationals of", "Nacionales de"),
    "chart.cc_heatmap_alt": (
        "Grid of {states}: nationality in rows, assisting state in columns. {in_force} pairs covered by an instrument "
        "in force, {listed} only in listed places, {pending} only signed, {none} with no mechanism.",
        "Cuadrícula de {states}: nacionalidad en filas, Estado que asiste en columnas. {in_force} pares cubiertos por "
        "un instrumento en vigor, {listed} solo en lugares indicados, {pending} solo firmados, {none} sin mecanismo.",
    ),
    "cutoff_kind.employed_since": ("employed since", "empleo desde el"),
    "field.subject": ("About", "Sobre"),
    "field.quote": ("Quote and note", "Cita y nota"),
    "text.not_a_column": ("(not a column of the table)", "(no es una columna de la tabla)"),
    "report.regular_pathways": (
        "Regular pathways: the MERCOSUR Residence Agreement and the Andean Migration Statute",
        "Vías regulares: el Acuerdo de Residencia del MERCOSUR y el Estatuto Migratorio Andino",
    ),
    "text.rp_lead": (
        "Who may use which instrument in which host country on {date}, when each state signed, ratified or started "
        "applying it, on what terms, and the exceptions the data record.",
        "Quién puede acogerse a qué instrumento y en qué país de acogida al {date}, cuándo cada Estado lo firmó, ratificó "
        "o empezó a aplicarlo, en qué condiciones y las excepciones que registran los datos.",
    ),
    "section.rp_overview": ("The two instruments side by side", "Los dos instrumentos, uno junto al otro"),
    "section.rp_matrix": (
        "Who may use it where: nationality by host country",
        "Quién puede usarlo y dónde: nacionalidad por país de acogida",
    ),
    "section.rp_parties": ("Status of each state on {date}", "Situación de cada Estado al {date}"),
    "section.rp_timeline": ("Signature, ratification and entry into force", "Firma, ratificación y entrada en vigor"),
    "section.rp_exceptions": ("Exceptions recorded in the data", "Excepciones registradas en los datos"),
    "text.rp_matrix": (
        "Rows are the nationality of the migrant, columns the host country. A national may use the instrument in a "
        "host country when both states apply it on the date.",
        "Las filas son la nacionalidad de la persona migrante y las columnas el país de acogida. Una persona puede "
        "acogerse al instrumento en un país cuando ambos Estados lo aplican en la fecha.",
    ),
    "text.rp_matrix_caption": (
        "Status on {date}; rows: nationals of, columns: host country.",
        "Situación al {date}; filas: nacionales de, columnas: país de acogida.",
    ),
    "text.rp_undated": (
        "Listed as applying it, with no date recorded: {names}.",
        "Figuran como Estados que lo aplican, sin fecha registrada: {names}.",
    ),
    "text.rp_no_exceptions": (
        "The data record no exception for these instruments.",
        "Los datos no registran excepciones para estos instrumentos.",
    ),
    "field.instrument": ("Instrument", "Instrumento"),
    "field.applying": ("States applying it on the data date", "Estados que lo aplican a la fecha de los datos"),
    "field.terms": ("Terms", "Condiciones"),
    "field.nationality_host": ("Nationals of ↓ / in →", "Nacionales de ↓ / en →"),
    "field.host": ("Host country", "País de acogida"),
    "field.not_for": ("Not applied to nationals of", "No se aplica a nacionales de"),
    "field.as_recorded": ("As the data record it", "Como lo registran los datos"),
    "field.note": ("Note", "Nota"),
    "rp_status.in_force": ("in force for both states", "en vigor para ambos Estados"),
    "rp_status.in_force_exception": (
        "in force, with exceptions for some nationalities",
        "en vigor, con excepciones para algunas nacionalidades",
    ),
    "rp_status.excluded": ("not applied to these nationals (exception)", "no se aplica a estos nacionales (excepción)"),
    "rp_status.undated": ("listed as applying, date not recorded", "figura como aplicado, sin fecha registrada"),
    "rp_status.signed_only": ("signed or ratified, not yet in force", "firmado o ratificado, aún sin vigor"),
    "rp_status.not_party": ("not a party on the date", "no es parte en la fecha"),
    "rp_short.in_force": ("in force", "en vigor"),
    "rp_short.in_force_exception": ("in force*", "en vigor*"),
    "rp_short.excluded": ("excluded", "excluido"),
    "rp_short.undated": ("undated", "sin fecha"),
    "rp_short.signed_only": ("signed", "firmado"),
    "rp_short.not_party": ("—", "—"),
    "rp_event.sign": ("signature or adhesion", "firma o adhesión"),
    "rp_event.adopt": ("adoption", "adopción"),
    "rp_event.ratify": ("ratification", "ratificación"),
    "rp_event.enter_into_force": ("entry into force or start of application", "entrada en vigor o inicio de la aplicación"),
    "chart.rp_timeline": (
        "Signature, ratification and entry into force by state",
        "Firma, ratificación y entrada en vigor por Estado",
    ),
    "chart.rp_timeline_alt": (
        "Dates at which {states} signed, ratified or began applying each instrument, from {first} to {last}.",
        "Fechas en que {states} firmaron, ratificaron o empezaron a aplicar cada instrumento, de {first} a {last}.",
    ),
    "column.as_of": ("reference date", "fecha de referencia"),
    "column.eu_presidencies": ("EU presidencies", "presidencias de la UE"),
    "column.in_force_date": ("date of entry into force", "fecha de entrada en vigor"),
}

# Maps (present/maps.py) and the country profile (reports/country_profile.py), issue 12.
LABELS.update(
    {
        "map.extent.lac": ("Latin America and the Caribbean", "América Latina y el Caribe"),
        "map.extent.europe": ("Europe", "Europa"),
        "map.none_recorded": ("none recorded", "ninguno registrado"),
        "map.locator_alt": ("Map of {region} with {country} highlighted.", "Mapa de {region} con {country} resaltado."),
        "map.highlight_alt": (
            "Map of {region} with {n} countries highlighted: {countries}.",
            "Mapa de {region} con {n} países resaltados: {countries}.",
        ),
        "map.choropleth_alt": (
            "Map of {region}: {what}. {n} countries have at least one, from {low} to {high} ({top}); {none} have none recorded.",
            "Mapa de {region}: {what}. {n} países tienen al menos uno, de {low} a {high} ({top}); "
            "{none} no tienen ninguno registrado.",
        ),
        "map.choropleth_empty_alt": (
            "Map of {region}: {what}. No country has any recorded.",
            "Mapa de {region}: {what}. Ningún país tiene registros.",
        ),
        "map.title.locator": ("Location", "Ubicación"),
        "map.title.regularisations": ("Regularisation programmes per country", "Programas de regularización por país"),
        "map.legend.regularisations": ("Regularisation programmes", "Programas de regularización"),
        "map.sources_geometry": ("Country outlines: Natural Earth", "Contornos de países: Natural Earth"),
        "report.country_profile": ("Country profile", "Perfil de país"),
        "summary.country_profile": (
            "One CELAC state across the data: its frameworks over time, meetings, regularisation "
            "programmes, consular cooperation, practices, figures and conflicting sources.",
            "Un Estado de la CELAC en todos los datos: sus marcos a lo largo del tiempo, reuniones, programas "
            "de regularización, cooperación consular, prácticas, cifras y fuentes discrepantes.",
        ),
        "group.countries.summary": (
            "One profile per CELAC state (its members on the data date): frameworks over time, meetings, "
            "regularisation programmes, consular cooperation for its nationals, practices, figures and "
            "conflicting sources, with a locator map.",
            "Un perfil por Estado de la CELAC (sus miembros en la fecha de los datos): marcos a lo largo del "
            "tiempo, reuniones, programas de regularización, cooperación consular para sus nacionales, prácticas, "
            "cifras y fuentes discrepantes, con un mapa de ubicación.",
        ),
        "section.country_frameworks": ("Cooperation frameworks over time", "Marcos de cooperación a lo largo del tiempo"),
        "section.frameworks_now": ("Roles on {date}", "Funciones al {date}"),
        "section.meetings_hosted": ("Meetings hosted or co-chaired", "Reuniones acogidas o copresididas"),
        "section.regularisations": ("Regularisation programmes", "Programas de regularización"),
        "section.consular": ("Consular cooperation for its nationals", "Cooperación consular para sus nacionales"),
        "section.practices": ("Practices", "Prácticas"),
        "section.figures": ("Figures and their vintages", "Cifras y sus versiones"),
        "chart.country_frameworks_title": (
            "Roles in cooperation frameworks over time",
            "Funciones en marcos de cooperación a lo largo del tiempo",
        ),
        "chart.country_frameworks_alt": (
            "Time line of the roles of {country} in {n} cooperation frameworks, from {first} to {last}.",
            "Línea de tiempo de las funciones de {country} en {n} marcos de cooperación, de {first} a {last}.",
        ),
        "text.country_lead": (
            "{country} ({code}) as recorded in the data on {date}.",
            "{country} ({code}) según los datos al {date}.",
        ),
        "text.subregion": ("Subregion: {subregion}.", "Subregión: {subregion}."),
        "text.country_profiles": ("Country profiles", "Perfiles de país"),
        "text.count_frameworks": ("Cooperation frameworks", "Marcos de cooperación"),
        "text.count_meetings": ("Meetings hosted or co-chaired", "Reuniones acogidas o copresididas"),
        "text.count_programmes": ("Regularisation programmes", "Programas de regularización"),
        "text.count_mechanisms": (
            "Consular mechanisms covering its nationals",
            "Mecanismos consulares que cubren a sus nacionales",
        ),
        "text.count_practices": ("Practices", "Prácticas"),
        "text.count_figures": ("Figures (all vintages)", "Cifras (todas las versiones)"),
        "text.no_frameworks": (
            "No membership in a cooperation framework is recorded.",
            "No hay registro de participación en un marco de cooperación.",
        ),
        "text.no_frameworks_now": ("No current role is recorded.", "No hay ninguna función vigente registrada."),
        "text.past_frameworks": ("Earlier or undated roles", "Funciones anteriores o sin fecha"),
        "text.no_meetings": (
            "No meeting held in {country} or co-chaired by it is recorded.",
            "No hay registro de reuniones celebradas en {country} o copresididas por este país.",
        ),
        "text.no_programmes": (
            "No regularisation programme of {country} is recorded.",
            "No hay registro de programas de regularización de {country}.",
        ),
        "text.all_nationalities": ("all nationalities", "todas las nacionalidades"),
        "text.no_consular": (
            "No consular cooperation mechanism covering nationals of {country} is recorded.",
            "No hay registro de mecanismos de cooperación consular que cubran a los nacionales de {country}.",
        ),
        "text.consular_lead": (
            "Consular mechanisms whose coverage includes nationals of {country}; mechanisms in force or operating "
            "on {date}: {n}. Most apply only where {country} has no consulate of its own, which the data does not record.",
            "Mecanismos consulares cuya cobertura incluye a los nacionales de {country}; mecanismos vigentes u "
            "operativos al {date}: {n}. La mayoría solo se aplican donde {country} no tiene consulado propio, "
            "dato que no se registra.",
        ),
        "text.no_practices": (
            "No practice naming {country} is recorded.",
            "No hay registro de prácticas que mencionen a {country}.",
        ),
        "text.no_figures": ("No figure about {country} is recorded.", "No hay registro de cifras sobre {country}."),
        "text.vintages_lead": (
            "Each figure with the date it describes (as of) and the date it was published; where a source "
            "revised a figure for the same date, every published version is kept, latest first.",
            "Cada cifra con la fecha que describe y la fecha de publicación; cuando una fuente revisó una cifra "
            "para la misma fecha, se conservan todas las versiones publicadas, de la más reciente a la más antigua.",
        ),
        "text.vintage_latest": ("latest of {n} versions", "la más reciente de {n} versiones"),
        "text.vintage_earlier": ("version {k} of {n} (earlier)", "versión {k} de {n} (anterior)"),
        "field.framework": ("Framework", "Marco"),
        "field.programme": ("Programme", "Programa"),
        "country.field.window": ("Application window", "Plazo de solicitud"),
        "field.cutoff": ("Eligibility cut-off", "Fecha límite de elegibilidad"),
        "field.permit_months": ("Permit (months)", "Permiso (meses)"),
        "field.nationalities": ("Nationalities", "Nacionalidades"),
        "field.mechanism": ("Mechanism", "Mecanismo"),
        "country.field.assisting": ("Other assisting states", "Otros Estados que asisten"),
        "field.where": ("Where", "Dónde"),
        "field.from": ("From", "Desde"),
        "field.until": ("Until", "Hasta"),
        "country.field.basis": ("Created by", "Creado por"),
        "text.thin_profile": (
            "The data records little about {country} so far; nothing yet for: {missing}.",
            "Los datos registran poco sobre {country} por ahora; nada todavía en: {missing}.",
        ),
        "text.chart_gaps": (
            "A bar ends when the country withdrew, was suspended or left the role; a gap between two bars is a "
            "suspension or a period outside the framework.",
            "Una barra termina cuando el país se retiró, fue suspendido o dejó la función; un hueco entre dos barras "
            "es una suspensión o un período fuera del marco.",
        ),
        "reg_instrument.law": ("law", "ley"),
        "reg_instrument.provisional_measure": ("provisional measure", "medida provisional"),
        "reg_instrument.decree": ("decree", "decreto"),
        "reg_instrument.resolution": ("resolution", "resolución"),
        "reg_instrument.disposition": ("disposition", "disposición"),
        "reg_instrument.portaria": ("ministerial ordinance (portaria)", "ordenanza ministerial (portaria)"),
        "reg_instrument.ministerial_order": ("ministerial order", "orden ministerial"),
        "reg_instrument.agreement": ("agreement", "acuerdo"),
        "reg_instrument.cabinet_decision": ("cabinet decision", "decisión del gabinete"),
        "reg_instrument.legal_notice": ("legal notice", "aviso legal"),
        "reg_instrument.court_ruling": ("court ruling", "sentencia judicial"),
        "reg_instrument.other": ("instrument", "instrumento"),
        "field.country_role": ("Role of the country", "Papel del país"),
        "text.role_host": ("host", "sede"),
        "text.role_chair": ("co-chair", "copresidencia"),
        "field.applies_on": ("Applies on {date}", "Vigente al {date}"),
        "field.practice": ("Practice", "Práctica"),
        "field.with": ("Other countries", "Otros países"),
        "country.field.series": ("Series", "Serie"),
        "country.field.as_of": ("As of", "Fecha de referencia"),
        "field.published": ("Published", "Publicación"),
        "country.field.vintage": ("Version", "Versión"),
        "reg_status.announced": ("announced", "anunciado"),
        "reg_status.open": ("open", "abierto"),
        "reg_status.closed": ("closed", "cerrado"),
        "reg_status.ongoing": ("ongoing", "en curso"),
        "reg_status.repealed": ("repealed", "derogado"),
        "reg_status.replaced": ("replaced", "sustituido"),
        "coverage_status.signed": ("signed", "firmado"),
        "coverage_status.ratified": ("ratified", "ratificado"),
        "coverage_status.in_force": ("in force", "en vigor"),
        "coverage_status.operational": ("operational", "operativo"),
        "coverage_status.activated": ("activated", "activado"),
        "where.third_state_without_own_consulate": (
            "in third states where its own state has no consulate",
            "en terceros Estados donde su Estado no tiene consulado",
        ),
        "where.any_third_state": ("in any third state", "en cualquier tercer Estado"),
        "where.listed": ("in the places listed", "en los lugares indicados"),
        "practice_kind.regularisation": ("regularisation", "regularización"),
        "practice_kind.regular_pathway": ("regular pathway", "vía regular"),
        "practice_kind.health": ("health", "salud"),
        "practice_kind.education": ("education", "educación"),
        "practice_kind.recognition_of_qualifications": ("recognition of qualifications", "reconocimiento de títulos"),
        "practice_kind.financial_inclusion_remittances": (
            "financial inclusion and remittances",
            "inclusión financiera y remesas",
        ),
        "practice_kind.data_information": ("data and information", "datos e información"),
        "practice_kind.documentation": ("documentation", "documentación"),
        "practice_kind.protection": ("protection", "protección"),
        "qualifier.more_than": ("more than", "más de"),
        "qualifier.at_least": ("at least", "al menos"),
        "qualifier.up_to": ("up to", "hasta"),
        "unit.persons": ("people", "personas"),
        "unit.permits": ("permits", "permisos"),
        "unit.applications": ("applications", "solicitudes"),
        "unit.programmes": ("programmes", "programas"),
        "unit.countries": ("countries", "países"),
        "unit.percent": ("%", "%"),
        "unit.usd": ("US dollars", "dólares estadounidenses"),
        "unit.score": ("points", "puntos"),
        "subregion.Caribbean": ("the Caribbean", "el Caribe"),
        "subregion.Central America": ("Central America", "Centroamérica"),
        "subregion.South America": ("South America", "América del Sur"),
    }
)

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
    "vote": ("un_votes", "vote"),
    "programme_status": ("regularisations", "status"),
    "qualifier": ("figures", "qualifier"),
    "cutoff_kind": ("regularisations", "cutoff_kind"),
    "practice_kind": ("practices", "kind"),
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
    "unit.nationalities": (
        {"one": "{n} nationality", "other": "{n} nationalities"},
        {"one": "{n} nacionalidad", "other": "{n} nacionalidades"},
    ),
    "unit.instruments": (
        {"one": "{n} instrument", "other": "{n} instruments"},
        {"one": "{n} instrumento", "other": "{n} instrumentos"},
    ),
    "unit.frameworks": ({"one": "{n} framework", "other": "{n} frameworks"}, {"one": "{n} marco", "other": "{n} marcos"}),
    "n.practices": ({"one": "{n} practice", "other": "{n} practices"}, {"one": "{n} práctica", "other": "{n} prácticas"}),
    "unit.tables": ({"one": "{n} table", "other": "{n} tables"}, {"one": "{n} tabla", "other": "{n} tablas"}),
    "unit.pairs": ({"one": "{n} pair", "other": "{n} pairs"}, {"one": "{n} par", "other": "{n} pares"}),
    "unit.months": ({"one": "{n} month", "other": "{n} months"}, {"one": "{n} mes", "other": "{n} meses"}),
    "unit.programmes": ({"one": "{n} programme", "other": "{n} programmes"}, {"one": "{n} programa", "other": "{n} programas"}),
    "unit.countries": ({"one": "{n} country", "other": "{n} countries"}, {"one": "{n} país", "other": "{n} países"}),
    "text.n_disagreements": (
        {"one": "{n} disagreement between sources.", "other": "{n} disagreements between sources."},
        {"one": "{n} discrepancia entre fuentes.", "other": "{n} discrepancias entre fuentes."},
    ),
    "text.n_inferred_rows": (
        {"one": "* {n} row holds inferred values: why", "other": "* {n} rows hold inferred values: why"},
        {"one": "* {n} fila tiene valores inferidos: por qué", "other": "* {n} filas tienen valores inferidos: por qué"},
    ),
    "unit.states": ({"one": "{n} state", "other": "{n} states"}, {"one": "{n} Estado", "other": "{n} Estados"}),
    "text.n_agree": (
        {"one": "{n} source agrees", "other": "{n} sources agree"},
        {"one": "{n} fuente coincide", "other": "{n} fuentes coinciden"},
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
