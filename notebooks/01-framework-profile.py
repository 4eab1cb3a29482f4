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
# # Framework profile
#
# **Question.** What is this cooperation framework, where does it sit, who took part in it and when,
# what did its meetings discuss under which presidencies, which instruments did it adopt, and where
# do the sources disagree about it?
#
# **Inputs.** `frameworks`, `memberships`, `meetings`, `instruments`, `claims` and `sources`, loaded and
# validated through `migresearch`. The analysis is `migresearch.reports.framework_profile.collect`, which
# returns typed frames (`data.events`, `data.members_now`, `data.meetings`...); each section below presents
# one part of it in the report's language. Run it for any `framework_id` in English or Spanish.

# %% tags=["parameters"]
framework: str = "eu-celac-sdcm"  # a framework_id of data/frameworks.csv
lang: str = "en"  # report language: "en" or "es"

# %%
from migresearch.reports import framework_profile as report

data = report.collect(framework)
assert data.framework_id == framework, "check that the framework id exists in data/frameworks.csv"
report.title(data, lang)

# %% [markdown]
# ## Overview
# What the framework is: its kind and scope, the framework it belongs to, its secretariat, whether it
# binds its parties, when and by what it was founded, and whether it is still active.

# %%
report.overview(data, lang)

# %% [markdown]
# ## Frameworks under this one
# Programmes, networks or processes that the data records as part of this framework (nothing when none).

# %%
report.children(data, lang)

# %% [markdown]
# ## Members over time
# How many parties are members on the data date, a chart of each party's membership periods
# (`data.spans`), who is a member or holds another role now (`data.members_now`), and every recorded
# membership event (`data.events`).

# %%
report.members(data, lang)

# %% [markdown]
# ## Meetings
# The framework's meetings on a time line and in a table: dates, place, EU Council presidency,
# Latin American and Caribbean co-chair and theme (`data.meetings`).

# %%
report.meetings(data, lang)

# %% [markdown]
# ## Instruments
# Declarations, decisions and agreements the framework adopted, with their dates (`data.instruments`).

# %%
report.instruments(data, lang)

# %% [markdown]
# ## Where sources disagree
# Each disagreement about the framework, its meetings, events or instruments: the value the table holds,
# the sources agreeing with it, and each source that says otherwise with its quote (`data.conflicts`).

# %%
report.conflicts(data, lang)
