# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Country profile
#
# **Question.** Starting from one CELAC state: in which cooperation frameworks has it taken part and
# when, which meetings did it host or co-chair, which regularisation programmes has it run, which consular
# mechanisms cover its nationals abroad, which practices name it, what figures describe it (with every
# published vintage), and where do the sources disagree?
#
# **Inputs.** `countries`, `memberships`, `frameworks`, `meetings`, `regularisations`, `consular_coverage`,
# `consular_mechanisms`, `practices`, `figures`, `series`, `claims` and `sources`, validated through
# `migresearch`. The analysis is `migresearch.reports.country_profile.collect`, which returns typed frames
# (`data.spans`, `data.meetings`, `data.figures`...); each section below presents one part of it in the
# report's language. The build runs it for every CELAC member on the data date, in English and Spanish.

# %% tags=["parameters"]
country: str = "PER"  # ISO 3166-1 alpha-3 code of a CELAC member (data/countries.csv)
lang: str = "en"  # report language: "en" or "es"

# %%
from migresearch.reports import country_profile as report

data = report.collect(country)
assert data.iso3 == country, "check that the code is an ISO alpha-3 code of data/countries.csv"
report.title(data, lang)

# %% [markdown]
# ## Overview
# Where the country is (a locator map drawn offline from Natural Earth) and how much the data holds about it.

# %%
report.overview(data, lang)

# %% [markdown]
# ## Cooperation frameworks over time
# Each period in which the country was a member, associate or observer of a framework (`data.spans`,
# replayed through `query.frameworks_of`, so the chart agrees with `members_on`), its roles on the
# profile date linked to each framework's profile (`data.frameworks_now`), and every event (`data.events`).

# %%
report.frameworks(data, lang)

# %% [markdown]
# ## Meetings hosted or co-chaired
# Meetings held in the country or under its Latin American and Caribbean co-chairmanship (`data.meetings`).

# %%
report.meetings(data, lang)

# %% [markdown]
# ## Regularisation programmes
# The country's programmes with their application windows, eligibility cut-offs, permits and status
# (`data.regularisations`).

# %%
report.regularisations(data, lang)

# %% [markdown]
# ## Consular cooperation for its nationals
# The consular mechanisms whose coverage includes the country's nationals: the other assisting states,
# where the mechanism applies, its status and whether it applies on the profile date (`data.consular`).

# %%
report.consular(data, lang)

# %% [markdown]
# ## Practices
# Practices of the compendium that name the country (`data.practices`).

# %%
report.practices(data, lang)

# %% [markdown]
# ## Figures and their vintages
# Figures about the country with the date they describe and the date they were published; revised
# figures keep every vintage (`data.figures`).

# %%
report.figures(data, lang)

# %% [markdown]
# ## Where sources disagree
# Disagreements between sources about the country's records (`data.conflicts`).

# %%
report.conflicts(data, lang)
