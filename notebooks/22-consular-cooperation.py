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
# # Consular cooperation where a state has no consulate
#
# **Question** (Bogotá forum 2025, theme 3). For a national of state A in a third country where A has
# no consulate, whose consulates may assist, under which instrument, with what status on the data date?
# Which instruments are in force and which only signed, and which pairs of states does no mechanism cover?
#
# **Inputs.** `consular_coverage`, `consular_mechanisms`, CELAC's members from `memberships`, `claims`
# and `sources`, through `migresearch.reports.consular.collect`.

# %% tags=["parameters"]
lang: str = "en"  # report language: "en" or "es"

# %%
from IPython.display import display

from migresearch.reports import consular as report

data = report.collect(lang)
assert len(data.coverage) > 0, "check data/consular_coverage.csv: no coverage row holds on the data date"
display(report.title(data))

# %% [markdown]
# ## Who may assist whom
# One row per nationality and instrument: the assisting states, the status on the date and where it applies.

# %%
display(*report.who_assists_section(data))

# %% [markdown]
# ## The matrix as a heatmap
# Nationality in rows, assisting state in columns, coloured by the strongest status on the date.

# %%
display(*report.heatmap_section(data))

# %% [markdown]
# ## In force versus signed only

# %%
display(*report.mechanisms_section(data))

# %% [markdown]
# ## Pairs no mechanism covers

# %%
display(*report.uncovered_section(data))

# %% [markdown]
# ## Where sources disagree

# %%
display(*report.conflicts_section(data))
