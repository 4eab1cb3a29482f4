import sys, csv
sys.path.insert(0, '/tmp/pyc'); sys.path.insert(0, '/tmp/refwork')
import pycountry
from babel import Locale
from babel.core import get_global
from codes import CELAC, EU27, RCM_EXTRA, TERR, EXTRA

D = '/work/main/data/'
ACC = '2026-11-26'
def write(path, header, rows):
    with open(path, 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        for r in rows:
            assert len(r) == len(header), (path, r)
            w.writerow(['' if v is None else v for v in r])

# ---------------- sources ----------------
S = []
def src(sid, producer, title, kind, url, pub='', prec='', lang='en', lic='unknown', note=''):
    S.append([sid, producer, title, kind, url, pub, prec, ACC, lang, lic, note])
    return sid

src('ref-iso-obp-3166', 'International Organization for Standardization (ISO)', 'ISO Online Browsing Platform (OBP): ISO 3166 country codes', 'reference',
    'https://www.iso.org/obp/ui/', note='The OBP page itself was not available in the stored corpora. Alpha-2, alpha-3 and numeric codes were taken from pycountry 26.2.16 (ISO 3166-1 data of the iso-codes project) and cross-checked against the CLDR territory aliases shipped in Babel 2.19.0; all 89 rows agree.')
src('ref-un-m49', 'United Nations Statistics Division (UNSD)', 'Standard country or area codes for statistical use (M49)', 'reference',
    'https://unstats.un.org/unsd/methodology/m49/', note='The UNSD page itself was not available in the stored corpora; regions and subregions follow the M49 geographic groupings as documented in secondary copies read on 2026-11-26 (e.g. https://rdrr.io/cran/ISOcodes/man/UN_M.49.html, https://wikiblah.com/wiki/un-m49). Cyprus is Western Asia in M49.')
src('ref-unicode-cldr', 'Unicode Consortium', 'Unicode CLDR Project (Common Locale Data Repository)', 'reference',
    'https://cldr.unicode.org/', lic='Unicode License v3 (SPDX Unicode-3.0)', note='English and Spanish territory names were generated with Babel 2.19.0 (CLDR data) in the project virtual environment: Locale(en).territories and Locale(es).territories. The CLDR site itself was not read.')
# presidencies
src('ref-euabc-presidency-rotation-it', 'EUabc', 'EUabc, voce 127 (versione stampabile in italiano)', 'reference', 'http://it.euabc.com/word/127?print=1', lang='it',
    note='Gives the presidencies by year for 2003–2007 (Irlanda e Paesi Bassi 2004; Lussemburgo e Regno Unito 2005; Austria e Finlandia 2006; Germania e Portogallo 2007). Same list in the Swedish version http://sv.euabc.com/word/127. The Finnish EU information service list of 1995–2020 presidencies (https://eurooppatiedotus.fi/sv/2005/12/12/eus-ordforandelander-1995-2020/, in Swedish, published 12 December 2005) agrees for 2004–2016 but is not a source row because Swedish is not in the language code list.')
src('ref-hedgeblog4-presidencies-2007-2020', 'hedgeblog4 (WordPress blog)', 'The Presidency of the Council of Ministers (2007-2020)', 'blog',
    'https://hedgeblog4.wordpress.com/2004/12/15/the-presidency-of-the-council-of-ministers-2007-2020/', '2004-12-15', 'day',
    note='Pre-Brexit order: United Kingdom July-December 2017 … Finland January-June 2020. URL from the fact base.')
src('ref-skwiki-dump-2007-presidency', 'Wikipedia (Slovak), static HTML dump hosted by Wikimedia Cloud', 'Predsedníctvo Rady Európskej únie', 'mirror',
    'https://mirror.wmcloud.org/other/static_html_dumps/April_2007/sk/wikipedia-sk-html.7z', '2007-04-01', 'month', 'sk', lic='CC BY-SA (Wikipedia)',
    note='Order under Council Decision 2007/5/EC, Euratom (pre-Brexit): Spojené kráľovstvo júl–december 2017 … Fínsko január–jún 2020. URL from the fact base.')
src('ref-vlada-cz-presidency', 'Government of the Czech Republic', 'Presidency to the EU', 'official',
    'https://www.vlada.cz/en/evropske-zalezitosti/predsednictvi-cr-v-rade-eu/presidency-to-the-eu-23295/',
    note='Cited in the fact base for 2009 H1 to 2011 H1; says the order was set on 13 December 2004.')
src('ref-eaccny-revised-order', 'European American Chamber of Commerce New York (EACCNY)', 'Council: Rotating Presidencies, Decision on Revised Order', 'press',
    'https://eaccny.com/news/chapternews/council-rotating-presidencies-decision-on-revised-order/',
    note='Reports Council Decision (EU) 2016/1316 of 26 July 2016 revising the order after the UK gave up its 2017 H2 slot: Estonia 2017 H2 … Croatia 2020 H1, onward to Ireland 2026 H2. URL from the fact base.')
src('ref-refernet-pt-presidency', 'ReferNet Portugal', 'Presidency of the EU Council', 'official', 'https://www.refernet.pt/en/presidency-of-the-eu-council',
    note='Lists presidencies from 2015 onward in the revised order. URL from the fact base.')
# GCM
src('ref-unnm-hub-objectives-en', 'United Nations Network on Migration', 'Migration Network Hub (filter by GCM objective and guiding principle)', 'intergovernmental',
    'https://migrationnetwork.un.org/hub?gcm_objectives=279', note='English short labels of the 23 objectives and the 10 guiding principles. URL from the fact base.')
src('ref-unnm-hub-objectives-es', 'United Nations Network on Migration', 'Migration Network Hub (selección por objetivo y principio rector del Pacto Mundial)', 'intergovernmental',
    'https://migrationnetwork.un.org/es/hub?gcm_objectives=279&text=&cross_cutting_theme=All&region=All&country=All&resource_language=All&other_language=All&resource_publisher=All&type_of_resource=All&page=0',
    lang='es', note='Spanish short labels of the 23 objectives and the 10 guiding principles. URL from the fact base.')
src('ref-unnm-hub-principle-intl-coop-es', 'United Nations Network on Migration', 'Cooperación internacional: tema transversal del Pacto Mundial para la Migración', 'intergovernmental',
    'https://migrationnetwork.un.org/es/taxonomy/term/739?page=1', lang='es', note='Quotes GCM paragraph 15 in Spanish for the principle of international cooperation. URL from the fact base.')
src('ref-ares-73-195-en-p6', 'United Nations General Assembly (copy hosted by the Minority Forum archive, adattar.minorityforum.info)', 'A/RES/73/195 Global Compact for Safe, Orderly and Regular Migration, page 6', 'mirror',
    'https://adattar.minorityforum.info/en/entity/raaui6nu5a/metadata?file=1587370301487dgy07rb4bk.pdf&page=6', '2018-12-19', 'day',
    note='Paragraph 15 (h)–(j) principle labels (Child-sensitive; Whole-of-government approach; Whole-of-society approach) and paragraph 16.')
src('ref-ares-73-195-en-p7', 'United Nations General Assembly (copy hosted by the Minority Forum archive, adattar.minorityforum.info)', 'A/RES/73/195 Global Compact for Safe, Orderly and Regular Migration, page 7', 'mirror',
    'https://adattar.minorityforum.info/en/entity/raaui6nu5a?file=1587370301487dgy07rb4bk.pdf&page=7', '2018-12-19', 'day',
    note='List of objectives 12–23 and heading of objective 1. URL from the fact base.')
src('ref-ares-73-195-en-p9', 'United Nations General Assembly (copy hosted by the Minority Forum archive, adattar.minorityforum.info)', 'A/RES/73/195 Global Compact for Safe, Orderly and Regular Migration, page 9', 'mirror',
    'https://adattar.minorityforum.info/en/entity/raaui6nu5a/metadata?page=9', '2018-12-19', 'day', note='Heading of objective 2. URL from the fact base.')
src('ref-iom-emm-gcm', 'International Organization for Migration (IOM), Essentials of Migration Management', 'Global Compact for Migration (handbook index by GCM objective)', 'intergovernmental',
    'https://emm.iom.int/handbooks/gcm', note='Gives the full English titles of GCM objectives 1 and 3–8 among others.')
HUB_ES = {
 2: 'https://migrationnetwork.un.org/es/taxonomy/term/280?page=1',
 4: 'https://migrationnetwork.un.org/es/taxonomy/term/detail/282?page=3',
 5: 'https://migrationnetwork.un.org/es/taxonomy/term/283',
 6: 'https://migrationnetwork.un.org/es/taxonomy/term/284?page=6',
 7: 'https://migrationnetwork.un.org/es/taxonomy/term/285',
 8: 'https://migrationnetwork.un.org/es/taxonomy/term/286',
 9: 'https://migrationnetwork.un.org/es/taxonomy/term/detail/287?type=All',
 10: 'https://migrationnetwork.un.org/es/taxonomy/term/288?page=0',
 11: 'https://migrationnetwork.un.org/es/taxonomy/term/289',
 12: 'https://migrationnetwork.un.org/es/taxonomy/term/290?page=1',
 13: 'https://migrationnetwork.un.org/es/taxonomy/term/detail/291?page=4',
 14: 'https://migrationnetwork.un.org/es/taxonomy/term/detail/292',
 18: 'https://migrationnetwork.un.org/es/taxonomy/term/detail/296?page=4',
 19: 'https://migrationnetwork.un.org/es/taxonomy/term/297',
 21: 'https://migrationnetwork.un.org/es/taxonomy/term/detail/299?type=resource',
 22: 'https://migrationnetwork.un.org/es/taxonomy/term/detail/300?page=1',
}
for n, u in HUB_ES.items():
    src(f'ref-unnm-hub-es-obj{n:02d}', 'United Nations Network on Migration', f'Objetivo {n} en el Pacto Mundial para la Migración (Migration Network Hub)', 'intergovernmental', u, lang='es',
        note='Hub page for the objective: Spanish short label, full Spanish title and the Spanish text of the commitment paragraph.' + (' URL from the fact base.' if n == 14 else ''))
HUB_EN = {
 3: 'https://migrationnetwork.un.org/taxonomy/term/281',
 5: 'https://migrationnetwork.un.org/taxonomy/term/283',
 7: 'https://migrationnetwork.un.org/taxonomy/term/285',
 9: 'https://migrationnetwork.un.org/taxonomy/term/detail/287?type=video',
 10: 'https://migrationnetwork.un.org/taxonomy/term/288',
 11: 'https://migrationnetwork.un.org/taxonomy/term/289',
 20: 'https://migrationnetwork.un.org/taxonomy/term/298',
 21: 'https://migrationnetwork.un.org/zh-hant/taxonomy/term/detail/299',
}
for n, u in HUB_EN.items():
    extra = ''
    if n == 3: extra = ' The page subtitle repeats the title of objective 4; the body text gives the objective 3 title.'
    if n == 21: extra = ' Read at the zh-hant path, whose text is in English.'
    src(f'ref-unnm-hub-en-obj{n:02d}', 'United Nations Network on Migration', f'GCM Objective {n} (Migration Network Hub)', 'intergovernmental', u,
        note='Hub page for the objective: English short label and full title.' + extra)
src('ref-segob-borrador-cero', 'Secretaría de Gobernación (SEGOB), Mexico', 'La migración funciona para todos cuando se lleva a cabo de una manera bien informada, planificada y consensuada: borrador cero', 'official',
    'https://www.gob.mx/segob/es/articulos/la-migracion-funciona-para-todos-cuando-se-lleva-a-cabo-de-una-manera-bien-informada-planificada-y-consensuada-borrador-cero?idiom=es',
    lang='es', note='Summary of the GCM zero draft with Spanish wordings of the guiding principles that differ from the final text. URL from the fact base.')
# regions
src('ref-cancilleria-co-eu-celac', 'Ministry of Foreign Affairs of Colombia', 'EU–LAC / EU–CELAC (list of the 33 CELAC member states)', 'official',
    'https://cancilleria.gov.co/international/consensus/eu-latc', note='List of the 33 CELAC members (fact base table D1). URL from the fact base.')
src('ref-eurostat-glossary-eu', 'Eurostat (copy served through a third-party proxy)', 'Glossary: European Union (EU)', 'mirror',
    'https://blue-sea-697d.quartiers047.workers.dev/https/ec.europa.eu/eurostat/statistics-explained/index.php?title=Glossary%3AEuropean_Union_%28EU%29',
    note='Lists the 27 EU Member States and records that the United Kingdom left on 31 January 2020. Original address: https://ec.europa.eu/eurostat/statistics-explained/index.php?title=Glossary:European_Union_(EU)')
src('ref-georef-can', 'geo-ref.net', 'Comunidad Andina (CAN)', 'reference', 'http://geo-ref.net/sp/t-can.htm', lang='es',
    note='Members Bolivia, Colombia, Ecuador, Peru; Chile associate, Venezuela former member (fact base table D2). URL from the fact base.')
src('ref-reliefweb-r4v-cash-faq', 'R4V Regional Inter-Agency Coordination Platform (via ReliefWeb)', 'Regional Cash Working Group (R4V): Frequently Asked Questions', 'intergovernmental',
    'https://reliefweb.int/report/venezuela-bolivarian-republic/regional-cash-working-group-r4v-frequently-asked-questions', '2020-09-25', 'day',
    note='R4V coordinates the response across 17 LAC countries; national platforms in Brazil, Chile, Colombia, Ecuador and Peru; sub-regional platforms for the Caribbean, Central America and Mexico, and the Southern Cone.')
src('ref-reliefweb-r4v-caribbean', 'R4V Caribbean Sub-Regional Coordination Platform (via ReliefWeb)', 'Common messages for the Caribbean - R4V Sub-Regional Coordination Platform', 'intergovernmental',
    'https://reliefweb.int/report/guyana/common-messages-caribbean-r4v-sub-regional-coordination-platform',
    note='Caribbean sub-regional platform established April 2019 covering Aruba, Curaçao, the Dominican Republic, Guyana and Trinidad and Tobago.')
src('ref-r4v-central-america-mexico', 'R4V Inter-Agency Coordination Platform', 'Central America and Mexico (sub-regional overview)', 'intergovernmental',
    'https://www.r4v.info/en/centralamericaandmexico', note='The sub-region comprises Panama, Costa Rica and Mexico.')
src('ref-reliefweb-r4v-southern-cone-2022-04', 'R4V Southern Cone Sub-Regional Platform (via ReliefWeb)', 'R4V Southern Cone Situation Report - April 2022', 'intergovernmental',
    'https://reliefweb.int/report/argentina/r4v-southern-cone-situation-report-april-2022', '2022-06-01', 'day',
    note='Situation section covers Argentina, Uruguay, Paraguay and Bolivia (Chile, which has its own national platform, is mentioned as a neighbour). The sub-region membership is read from this coverage; no page listing the four explicitly was found.')

SID = {r[0] for r in S}

# ---------------- countries ----------------
SUB = {}
for c in "ARG BOL BRA CHL COL ECU GUY PRY PER SUR URY VEN GUF FLK".split(): SUB[c] = ('Latin America and the Caribbean', 'South America')
for c in "BLZ CRI SLV GTM HND MEX NIC PAN".split(): SUB[c] = ('Latin America and the Caribbean', 'Central America')
for c in "ATG BHS BRB CUB DMA DOM GRD HTI JAM KNA LCA VCT TTO ABW CUW SXM BES PRI VIR VGB AIA MSR CYM TCA GLP MTQ BLM MAF".split(): SUB[c] = ('Latin America and the Caribbean', 'Caribbean')
for c in "USA CAN BMU".split(): SUB[c] = ('Northern America', 'Northern America')
for c in "DNK EST FIN IRL LVA LTU SWE GBR".split(): SUB[c] = ('Europe', 'Northern Europe')
for c in "AUT BEL FRA DEU LUX NLD CHE LIE".split(): SUB[c] = ('Europe', 'Western Europe')
for c in "HRV GRC ITA MLT PRT SVN ESP".split(): SUB[c] = ('Europe', 'Southern Europe')
for c in "BGR CZE HUN POL ROU SVK UKR".split(): SUB[c] = ('Europe', 'Eastern Europe')
SUB['CYP'] = ('Asia', 'Western Asia')
for c in "DZA LBY MAR".split(): SUB[c] = ('Africa', 'Northern Africa')
SUB['AUS'] = ('Oceania', 'Other'); SUB['SGP'] = ('Asia', 'Other')
ADMIN = {'ABW': 'NLD', 'CUW': 'NLD', 'SXM': 'NLD', 'BES': 'NLD', 'PRI': 'USA', 'VIR': 'USA', 'VGB': 'GBR', 'AIA': 'GBR', 'MSR': 'GBR', 'CYM': 'GBR',
         'TCA': 'GBR', 'BMU': 'GBR', 'GLP': 'FRA', 'MTQ': 'FRA', 'GUF': 'FRA', 'BLM': 'FRA', 'MAF': 'FRA', 'FLK': 'GBR'}
CNOTE = {
 'CYP': 'M49 places Cyprus in Western Asia (region Asia), although it is an EU member state.',
 'ABW': 'Constituent country of the Kingdom of the Netherlands; administered_by uses NLD for the Kingdom. R4V host (Caribbean platform).',
 'CUW': 'Constituent country of the Kingdom of the Netherlands; administered_by uses NLD for the Kingdom. R4V host (Caribbean platform); Quito Process observer.',
 'SXM': 'Constituent country of the Kingdom of the Netherlands (Dutch part of Saint Martin); administered_by uses NLD.',
 'BES': 'Bonaire, Sint Eustatius and Saba: special municipalities of the Netherlands.',
 'PRI': 'Unincorporated territory of the United States.',
 'VIR': 'Unincorporated territory of the United States.',
 'VGB': 'British Overseas Territory.', 'AIA': 'British Overseas Territory.', 'MSR': 'British Overseas Territory.',
 'CYM': 'British Overseas Territory.', 'TCA': 'British Overseas Territory.',
 'BMU': 'British Overseas Territory. Included in this LAC-focused list at the brief\'s request; M49 classifies it in Northern America, not Latin America and the Caribbean.',
 'GLP': 'French overseas department and region (part of France and of the EU as an outermost region).',
 'MTQ': 'French overseas department and region (part of France and of the EU as an outermost region).',
 'GUF': 'French overseas department and region (part of France and of the EU as an outermost region).',
 'BLM': 'French overseas collectivity.', 'MAF': 'French overseas collectivity (French part of Saint Martin).',
 'FLK': 'British Overseas Territory; sovereignty is claimed by Argentina. CLDR Spanish name is Islas Malvinas.',
 'MEX': 'M49 places Mexico in Central America.',
 'GBR': 'Former EU member state (left 31 January 2020); held the Council presidency in 2005 H2 and was scheduled for 2017 H2 under the pre-Brexit order. Not an RCM member.',
 'USA': 'RCM (Puebla Process) member.', 'CAN': 'RCM (Puebla Process) member.',
 'MAR': 'Host country of the Intergovernmental Conference that adopted the GCM (Marrakech, December 2018).',
 'CHE': 'GCM co-facilitator with Mexico (Jürg Lauber); abstained in the UNGA vote on A/RES/73/195.',
 'UKR': 'Referenced by the CELAC consular network activated for LAC nationals in Ukraine (March 2022).',
 'DZA': 'Abstained in the UNGA vote on A/RES/73/195 (19 December 2018).',
 'AUS': 'Abstained in the UNGA vote on A/RES/73/195 (19 December 2018). M49 subregion Australia and New Zealand is not in the schema code list, so subregion is Other.',
 'LBY': 'Abstained in the UNGA vote on A/RES/73/195 (19 December 2018).',
 'LIE': 'Abstained in the UNGA vote on A/RES/73/195 (19 December 2018).',
 'SGP': 'Abstained in the UNGA vote on A/RES/73/195 (19 December 2018). M49 subregion South-eastern Asia is not in the schema code list, so subregion is Other.',
}
en = Locale('en').territories; es = Locale('es').territories
ta = get_global('territory_aliases')
COMMON = 'Codes per ISO 3166-1 (checked against CLDR aliases); names from CLDR via Babel 2.19.0 (https://cldr.unicode.org/); region and subregion per UN M49 (https://unstats.un.org/unsd/methodology/m49/).'
crow = []
order = CELAC + EU27 + RCM_EXTRA + TERR + EXTRA
for c in sorted(order):
    p = pycountry.countries.get(alpha_3=c)
    assert ta[c] == [p.alpha_2] and ta[p.numeric] == [p.alpha_2]
    reg, sub = SUB[c]
    sov = c not in ADMIN
    note = COMMON + (' ' + CNOTE[c] if c in CNOTE else '')
    crow.append([c, p.alpha_2, p.numeric, en[p.alpha_2], es[p.alpha_2], '', reg, sub, 'true' if sov else 'false', ADMIN.get(c, ''), 'ref-iso-obp-3166', note])
write(D + 'countries.csv', ['iso3','iso2','numeric','name_en','name_es','name_es_override','region','subregion','sovereign','administered_by','source_id','note'], crow)
CSET = {r[0] for r in crow}

# ---------------- regions ----------------
SA12 = "ARG BOL BRA CHL COL ECU GUY PRY PER SUR URY VEN".split()
R4V = "BRA CHL COL ECU PER ABW CUW DOM GUY TTO CRI MEX PAN ARG BOL PRY URY".split()
assert len(set(R4V)) == 17 and len(CELAC) == 33 and len(EU27) == 27
j = lambda l: '|'.join(sorted(l))
rrows = [
 ['ANDEAN', 'Andean Community (CAN)', 'Comunidad Andina (CAN)', j("BOL COL ECU PER".split()), 'ref-georef-can',
  'Current full members of the Andean Community. Chile (withdrew 1976, associate since 2006) and Venezuela (left 2006) are not members; Argentina, Brazil, Paraguay and Uruguay are associate members (fact base D2). Also see https://himajina.blogspot.com/2011/05/dia-de-la-integracion-andina.html'],
 ['CELAC', 'Community of Latin American and Caribbean States (CELAC)', 'Comunidad de Estados Latinoamericanos y Caribeños (CELAC)', j(CELAC), 'ref-cancilleria-co-eu-celac',
  'The 33 CELAC member states. Brazil suspended its participation in January 2020 and returned in January 2023 but remained a member state (fact base D1).'],
 ['EU27', 'European Union (27 member states)', 'Unión Europea (27 Estados miembros)', j(EU27), 'ref-eurostat-glossary-eu',
  'Membership since 1 February 2020 (after the United Kingdom left on 31 January 2020). Earlier figures may refer to EU28.'],
 ['LAC', 'Latin America and the Caribbean', 'América Latina y el Caribe', j(CELAC), 'ref-cancilleria-co-eu-celac',
  'Defined here as the 33 independent states (same list as CELAC). The UN M49 grouping 419 is wider: it also includes non-sovereign territories such as Aruba, Curaçao, Puerto Rico and French Guiana (https://unstats.un.org/unsd/methodology/m49/). Check which definition a figure uses.'],
 ['R4V17', 'R4V host countries (17)', 'Países de acogida de la Plataforma R4V (17)', j(R4V), 'ref-reliefweb-r4v-cash-faq',
  'No single stored page lists all 17; the list is assembled from R4V pages that together sum to 17: national platforms Brazil, Chile, Colombia, Ecuador, Peru (https://reliefweb.int/report/venezuela-bolivarian-republic/regional-cash-working-group-r4v-frequently-asked-questions); Caribbean platform Aruba, Curaçao, Dominican Republic, Guyana, Trinidad and Tobago (https://reliefweb.int/report/guyana/common-messages-caribbean-r4v-sub-regional-coordination-platform); Central America and Mexico Costa Rica, Mexico, Panama (https://www.r4v.info/en/centralamericaandmexico); Southern Cone Argentina, Bolivia, Paraguay, Uruguay (coverage of https://reliefweb.int/report/argentina/r4v-southern-cone-situation-report-april-2022). Includes two non-sovereign territories (ABW, CUW).'],
 ['SOUTH_AMERICA', 'South America (12 independent states)', 'América del Sur (12 Estados independientes)', j(SA12), 'ref-un-m49',
  'The 12 sovereign states of M49 subregion South America (005); M49 also counts territories (French Guiana, Falkland Islands, Bouvet Island, South Georgia) which are excluded here. The same 12 states are the members of the South American Conference on Migration (CSM).'],
 ['WORLD', 'World', 'Mundo', '', 'ref-un-m49', 'Open-ended (M49 code 001); no member list.'],
]
for r in rrows:
    for m in (r[3].split('|') if r[3] else []): assert m in CSET, m
write(D + 'regions.csv', ['region_id','name_en','name_es','members','source_id','note'], rrows)

# ---------------- GCM objectives ----------------
SHORT = [
 ('Data','Datos'),('Minimize adverse drivers','Minimizar factores adversos'),('Information provision','Proporcionar información'),
 ('Legal identity and documentation','Identidad jurídica y documentación'),('Regular pathways','Vías de migración regular'),
 ('Recruitment and decent work','Contratación y trabajo decente'),('Reduce vulnerabilities','Reducir vulnerabilidades'),('Save lives','Salvar vidas'),
 ('Counter smuggling','Combatir el tráfico de migrantes'),('Eradicate trafficking','Erradicar la trata de personas'),('Manage borders','Gestión de fronteras'),
 ('Screening and referral','Verificación de antecedentes y derivación'),('Alternatives to detention','Alternativas a la detención'),
 ('Consular protection','Protección consular'),('Access to basic services','Acceso a los servicios básicos'),('Inclusion and social cohesion','Inclusión y cohesión social'),
 ('Eliminate discrimination','Eliminar la discriminación'),('Skills development and recognition','Desarrollo y reconocimiento de competencias'),
 ('Migrant and diaspora contributions','Contribución de migrantes y diásporas'),('Remittances','Remesas'),('Dignified return and reintegration','Retorno y reintegración dignos'),
 ('Social protection','Protección social'),('International cooperation','Cooperación internacional')]
TEN = {
 1: ('Collect and utilize accurate and disaggregated data as a basis for evidence-based policies', 'ref-ares-73-195-en-p7'),
 2: ('Minimize the adverse drivers and structural factors that compel people to leave their country of origin', 'ref-ares-73-195-en-p9'),
 3: ('Provide accurate and timely information at all stages of migration', 'ref-unnm-hub-en-obj03'),
 4: ('Ensure that all migrants have proof of legal identity and adequate documentation', 'ref-iom-emm-gcm'),
 5: ('Enhance availability and flexibility of pathways for regular migration', 'ref-unnm-hub-en-obj05'),
 6: ('Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work', 'ref-iom-emm-gcm'),
 7: ('Address and reduce vulnerabilities in migration', 'ref-unnm-hub-en-obj07'),
 8: ('Save lives and establish coordinated international efforts on missing migrants', 'ref-iom-emm-gcm'),
 9: ('Strengthen the transnational response to smuggling of migrants', 'ref-unnm-hub-en-obj09'),
 10: ('Prevent, combat and eradicate trafficking in persons in the context of international migration', 'ref-unnm-hub-en-obj10'),
 11: ('Manage borders in an integrated, secure and coordinated manner', 'ref-unnm-hub-en-obj11'),
 12: ('Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral', 'ref-ares-73-195-en-p7'),
 13: ('Use migration detention only as a measure of last resort and work towards alternatives', 'ref-ares-73-195-en-p7'),
 14: ('Enhance consular protection, assistance and cooperation throughout the migration cycle', 'ref-ares-73-195-en-p7'),
 15: ('Provide access to basic services for migrants', 'ref-ares-73-195-en-p7'),
 16: ('Empower migrants and societies to realize full inclusion and social cohesion', 'ref-ares-73-195-en-p7'),
 17: ('Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration', 'ref-ares-73-195-en-p7'),
 18: ('Invest in skills development and facilitate mutual recognition of skills, qualifications and competences', 'ref-ares-73-195-en-p7'),
 19: ('Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries', 'ref-ares-73-195-en-p7'),
 20: ('Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants', 'ref-ares-73-195-en-p7'),
 21: ('Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration', 'ref-ares-73-195-en-p7'),
 22: ('Establish mechanisms for the portability of social security entitlements and earned benefits', 'ref-ares-73-195-en-p7'),
 23: ('Strengthen international cooperation and global partnerships for safe, orderly and regular migration', 'ref-ares-73-195-en-p7'),
}
TES = {
 2: 'Minimizar los factores adversos y estructurales que obligan a las personas a abandonar su país de origen',
 4: 'Velar por que todos los migrantes tengan pruebas de su identidad jurídica y documentación adecuada',
 5: 'Aumentar la disponibilidad y flexibilidad de las vías de migración regular',
 6: 'Facilitar la contratación equitativa y ética y salvaguardar las condiciones que garantizan el trabajo decente',
 7: 'Abordar y reducir las vulnerabilidades en la migración',
 8: 'Salvar vidas y emprender iniciativas internacionales coordinadas sobre los migrantes desaparecidos',
 9: 'Reforzar la respuesta transnacional al tráfico ilícito de migrantes',
 10: 'Prevenir, combatir y erradicar la trata de personas en el contexto de la migración internacional',
 11: 'Gestionar las fronteras de manera integrada, segura y coordinada',
 12: 'Aumentar la certidumbre y previsibilidad de los procedimientos migratorios para la adecuada verificación de antecedentes, evaluación y derivación',
 13: 'Utilizar la detención de migrantes solo como último recurso y buscar otras alternativas',
 14: 'Mejorar la protección, asistencia y cooperación consulares a lo largo de todo el ciclo migratorio',
 18: 'Invertir en el desarrollo de aptitudes y facilitar el reconocimiento mutuo de aptitudes, cualificaciones y competencias',
 19: 'Crear las condiciones necesarias para que los migrantes y las diásporas puedan contribuir plenamente al desarrollo sostenible en todos los países',
 21: 'Colaborar para facilitar el regreso y la readmisión en condiciones de seguridad y dignidad, así como la reintegración sostenible',
 22: 'Establecer mecanismos para la portabilidad de la seguridad social y las prestaciones adquiridas',
}
URL = {r[0]: r[4] for r in S}
orows = []
for n in range(1, 24):
    ten, tsrc = TEN[n]
    notes = ['Short labels EN/ES from the Migration Network Hub (https://migrationnetwork.un.org/hub?gcm_objectives=279 and its Spanish version).']
    if n in TES:
        sid = f'ref-unnm-hub-es-obj{n:02d}'
        notes.append('Spanish full title as given on the Hub page for the objective, which quotes the Spanish text of A/RES/73/195; the UN document itself (https://undocs.org/es/A/RES/73/195) was not read.')
    else:
        sid = tsrc
        notes.append('title_es left empty: the official Spanish full title was not found in the stored sources (Hub Spanish page for this objective and the Spanish A/RES/73/195 not found).')
        if n == 1:
            notes.append('An IOM handbook quotes it in Spanish (https://emm.iom.int/es/handbooks/trata-de-personas-y-formas-conexas-de-explotacion-y-abuso/recopilacion-de-datos-analisis), not used as the official text.')
    if tsrc != sid:
        notes.append(f'English full title from {URL[tsrc]}.')
    else:
        notes.append('English full title from this source.')
    if tsrc == 'ref-iom-emm-gcm' or tsrc.startswith('ref-unnm-hub-en'):
        notes.append('The A/RES/73/195 page listing objectives 1–11 was read only in part; this title as quoted by the UN Network/IOM.')
    if n == 20:
        notes.append('The Hub English page (https://migrationnetwork.un.org/taxonomy/term/298) words it "transfers of remittances and foster financial inclusion" without "of migrants"; both recorded in claims.')
    if n == 21:
        notes.append('A Hub English page (https://migrationnetwork.un.org/zh-hant/taxonomy/term/detail/299) omits "safe and"; both recorded in claims.')
    if n == 3:
        notes.append('The Hub page subtitle (https://migrationnetwork.un.org/taxonomy/term/281) mistakenly repeats the title of objective 4; its body text gives this title.')
    if n == 14:
        notes.append('Spanish title also in fact base table G13 (GCM para. 30).')
    orows.append([n, SHORT[n-1][0], SHORT[n-1][1], ten, TES.get(n, ''), sid, '', '', ' '.join(notes)])
write(D + 'gcm_objectives.csv', ['objective','short_title_en','short_title_es','title_en','title_es','source_id','inferred','inferred_from','note'], orows)

# ---------------- GCM principles ----------------
PR = [('People-centred','Centrada en las personas'),('International cooperation','Cooperación internacional'),('National sovereignty','Soberanía nacional'),
      ('Rule of law and due process','Estado de derecho y garantías procesales'),('Sustainable development','Desarrollo sostenible'),('Human rights','Derechos humanos'),
      ('Gender-responsive','Perspectiva de género'),('Child-sensitive','Perspectiva infantil'),('Whole-of-government approach','Enfoque pangubernamental'),
      ('Whole-of-society approach','Enfoque pansocial')]
SEGOB = {1: 'Centrado en las personas', 4: 'Estado de Derecho y debido proceso', 8: 'Sensible a las y los niños', 9: 'Enfoque gubernamental integral'}
prows = []
for i, (e, s) in enumerate(PR, 1):
    note = 'Labels as on the Migration Network Hub (EN https://migrationnetwork.un.org/hub?gcm_objectives=279; ES this source); GCM para. 15 (a)–(j) order. '
    if i in SEGOB:
        note += f'CONFLICT (wording): the SEGOB zero-draft summary uses "{SEGOB[i]}"; both recorded in claims.'
    elif i == 10:
        note += 'SEGOB zero-draft wording not read (excerpt truncated). A UN Network GCM toolkit file names it "ENFOQUE PANSOCIAL" (fact base H3).'
    else:
        note += 'The SEGOB zero-draft summary uses the same wording.'
    if i == 2:
        note += ' The Hub quotes para. 15 in Spanish for this principle (https://migrationnetwork.un.org/es/taxonomy/term/739?page=1).'
    if i >= 8:
        note += ' English label also read in A/RES/73/195 para. 15 (h)–(j) (https://adattar.minorityforum.info/en/entity/raaui6nu5a/metadata?file=1587370301487dgy07rb4bk.pdf&page=6).'
    prows.append([i, e, s, 'ref-unnm-hub-objectives-es', note])
write(D + 'gcm_principles.csv', ['principle','title_en','title_es','source_id','note'], prows)

# ---------------- EU presidencies ----------------
ORDER = [
 ('2004-H1','IRL'),('2004-H2','NLD'),('2005-H1','LUX'),('2005-H2','GBR'),('2006-H1','AUT'),('2006-H2','FIN'),('2007-H1','DEU'),('2007-H2','PRT'),
 ('2008-H1','SVN'),('2008-H2','FRA'),('2009-H1','CZE'),('2009-H2','SWE'),('2010-H1','ESP'),('2010-H2','BEL'),('2011-H1','HUN'),('2011-H2','POL'),
 ('2012-H1','DNK'),('2012-H2','CYP'),('2013-H1','IRL'),('2013-H2','LTU'),('2014-H1','GRC'),('2014-H2','ITA'),('2015-H1','LVA'),('2015-H2','LUX'),
 ('2016-H1','NLD'),('2016-H2','SVK'),('2017-H1','MLT'),('2017-H2','EST'),('2018-H1','BGR'),('2018-H2','AUT'),('2019-H1','ROU'),('2019-H2','FIN'),
 ('2020-H1','HRV'),('2020-H2','DEU'),('2021-H1','PRT'),('2021-H2','SVN'),('2022-H1','FRA'),('2022-H2','CZE'),('2023-H1','SWE'),('2023-H2','ESP'),
 ('2024-H1','BEL'),('2024-H2','HUN'),('2025-H1','POL'),('2025-H2','DNK'),('2026-H1','CYP'),('2026-H2','IRL')]
assert len(ORDER) == 46
PRE = {'2017-H2':'GBR','2018-H1':'EST','2018-H2':'BGR','2019-H1':'AUT','2019-H2':'ROU','2020-H1':'FIN'}
erows = []
for sem, c in ORDER:
    y, h = sem.split('-H'); y = int(y)
    start, end = (f'{y}-01-01', f'{y}-06-30') if h == '1' else (f'{y}-07-01', f'{y}-12-31')
    if y <= 2008:
        note = 'Outside fact-base Table E; researched. The Finnish EU information service list (https://eurooppatiedotus.fi/sv/2005/12/12/eus-ordforandelander-1995-2020/) agrees.'
        if y <= 2007:
            sid = 'ref-euabc-presidency-rotation-it'
            note += ' EUabc gives the pair per year; the semester follows the order of the pair.'
        else:
            sid = 'ref-skwiki-dump-2007-presidency'
            note += ' Order of Council Decision 2007/5/EC as given in the Slovak Wikipedia dump of April 2007; also hedgeblog4.'
        if y == 2007: note += ' Also in the 2007/5/EC order (Slovak Wikipedia dump, April 2007) and hedgeblog4.'
    elif sem in ('2009-H1','2009-H2','2010-H1','2010-H2','2011-H1'):
        sid = 'ref-vlada-cz-presidency'
        note = 'Fact-base Table E; also hedgeblog4 and politiekemonitor.nl.'
    elif y <= 2016:
        sid = 'ref-skwiki-dump-2007-presidency'
        note = 'Fact-base Table E (hedgeblog4, dnanews.com.pk); order of Council Decision 2007/5/EC as given in the Slovak Wikipedia dump of April 2007; the Finnish EU information service list (https://eurooppatiedotus.fi/sv/2005/12/12/eus-ordforandelander-1995-2020/) agrees.'
    else:
        sid = 'ref-eaccny-revised-order'
        note = 'Order revised by Council Decision (EU) 2016/1316 of 26 July 2016; also ReferNet Portugal (https://www.refernet.pt/en/presidency-of-the-eu-council).'
        if sem in PRE:
            note += f' CONFLICT (source vintage): the pre-Brexit order (Decision 2007/5/EC) gave {PRE[sem]} for this semester; both recorded in claims. The table holds the presidency that was actually held.'
        if sem == '2020-H1': note += ' Croatia was added to the rotation by the 2016 decision.'
        if sem == '2017-H1': note += ' Malta held this semester in both the pre-Brexit and the revised order.'
    erows.append([sem, start, end, c, sid, note])
write(D + 'eu_presidencies.csv', ['semester','start_date','end_date','country_iso3','source_id','note'], erows)

# ---------------- claims ----------------
C = []
def claim(table, rec, field, value, quote, sid, note=''):
    C.append([f'ref-{table}-{rec}-{field}-{sid[4:]}'.lower().replace('_','-'), table, str(rec), field, value, quote, sid, note])
REV = {'2017-H2':'EST','2018-H1':'BGR','2018-H2':'AUT','2019-H1':'ROU','2019-H2':'FIN','2020-H1':'HRV'}
NAMES = {'GBR':('United Kingdom','Storbritannien','Spojené kráľovstvo'),'EST':('Estonia','Estland','Estónsko'),'BGR':('Bulgaria','Bulgarien','Bulharsko'),
         'AUT':('Austria','Österrike','Rakúsko'),'ROU':('Romania','Rumänien','Rumunsko'),'FIN':('Finland','Finland','Fínsko'),'HRV':('Croatia','','')}
MON = lambda sem: 'July-December' if sem.endswith('H2') else 'January-June'
SKMON = lambda sem: 'júl – december' if sem.endswith('H2') else 'január – jún'
for sem in PRE:
    y = sem[:4]; pc = PRE[sem]
    claim('eu_presidencies', sem, 'country_iso3', pc, f'{NAMES[pc][0]} {MON(sem)} {y}', 'ref-hedgeblog4-presidencies-2007-2020', 'Pre-Brexit order (Decision 2007/5/EC).')
    claim('eu_presidencies', sem, 'country_iso3', pc, f'{NAMES[pc][2]} | {SKMON(sem)} {y}', 'ref-skwiki-dump-2007-presidency', 'Pre-Brexit order (Decision 2007/5/EC), Wikipedia dump of April 2007.')
    rc = REV[sem]
    claim('eu_presidencies', sem, 'country_iso3', rc, f'revised order: {NAMES[rc][0]}, {y} H{sem[-1]}', 'ref-eaccny-revised-order', 'Revised order, Council Decision (EU) 2016/1316 of 26 July 2016. Quote located via fact-base Table E; page not re-read.')
    claim('eu_presidencies', sem, 'country_iso3', rc, f'{NAMES[rc][0]}, {y} H{sem[-1]}', 'ref-refernet-pt-presidency', 'Revised order. Quote located via fact-base Table E; page not re-read.')
for i, alt in SEGOB.items():
    claim('gcm_principles', i, 'title_es', PR[i-1][1], PR[i-1][1], 'ref-unnm-hub-objectives-es', 'Official/Hub Spanish label.')
    claim('gcm_principles', i, 'title_es', alt, alt, 'ref-segob-borrador-cero', 'Wording in the SEGOB summary of the GCM zero draft (fact base H3; page not re-read).')
claim('gcm_objectives', 20, 'title_en', TEN[20][0], 'cheaper transfer of remittances and foster financial inclusion of migrants', 'ref-ares-73-195-en-p7', 'Text of A/RES/73/195 (list of objectives).')
claim('gcm_objectives', 20, 'title_en', 'Promote faster, safer and cheaper transfers of remittances and foster financial inclusion', 'cheaper transfers of remittances and foster financial inclusion', 'ref-unnm-hub-en-obj20', 'Hub page heading.')
claim('gcm_objectives', 21, 'title_en', TEN[21][0], 'facilitating safe and dignified return and readmission', 'ref-ares-73-195-en-p7', 'Text of A/RES/73/195 (list of objectives).')
claim('gcm_objectives', 21, 'title_en', 'Cooperate in facilitating dignified return and readmission, as well as sustainable reintegration', 'facilitating dignified return and readmission', 'ref-unnm-hub-en-obj21', 'Hub page heading.')
assert len({c[0] for c in C}) == len(C)
write(D + '_staging/claims-ref.csv', ['claim_id','table','record_id','field','value','quote','source_id','note'], C)

write(D + '_staging/sources-ref.csv', ['source_id','producer','title','kind','url','published_date','published_precision','accessed_date','language','licence','note'], S)

used = {r[-2] for r in crow} | {r[4] for r in rrows} | {r[5] for r in orows} | {r[3] for r in prows} | {r[4] for r in erows} | {c[6] for c in C}
print('missing sources', used - SID)
print('unused sources', SID - used)
print(len(crow), len(rrows), len(orows), len(prows), len(erows), len(C), len(S))
