# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.6
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Regular pathways: the MERCOSUR Residence Agreement and the Andean Migration Statute
#
# **Question** (Bogotá forum 2025, themes 1 and 6). On the data date, who may use which instrument in
# which host country (in force, signed only, in force with exceptions)? When did each state sign,
# ratify or start applying it? On what terms, and with which exceptions recorded in the data?
#
# **Inputs.** `instruments`, `memberships` (the regime's own events, or the framework's members for a
# decision that binds them directly), `practices` (the terms, in both languages), `claims`, `sources`,
# through `migresearch.reports.regular_pathways.collect`.

# %% tags=["parameters"]
lang: str = "en"  # report language: "en" or "es"

# %%
from IPython.display import display

from migresearch.reports import regular_pathways as report

data = report.collect(lang)
assert len(data.parties) > 0, "check data/instruments.csv:parties and data/memberships.csv for the two instruments"
display(report.title(data))

# %% [markdown]
# ## The two instruments side by side
# Adoption, entry into force, binding force, states applying each on the date, and the terms.

# %%
display(*report.overview_section(data))

# %% [markdown]
# ## Nationality by host country
# One matrix per instrument: may a national of the row state use it in the column state on the date?

# %%
display(*report.matrix_section(data))

# %% [markdown]
# ## Status of each state
# Each party's status on the date and the event it rests on.

# %%
display(*report.parties_section(data))

# %% [markdown]
# ## Ratification timeline
# Signature or adhesion, ratification and entry into force (or start of application) per state.

# %%
display(*report.timeline_section(data))

# %% [markdown]
# ## Exceptions
# States that do not apply an instrument to some nationalities, as the data's notes record it.

# %%
display(*report.exceptions_section(data))

# %% [markdown]
# ## Where sources disagree

# %%
display(*report.conflicts_section(data))
