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
# # Framework overlaps: who sits where, on which objectives
#
# **Question** (Bogotá forum 2025, theme 7: coordinated action "to avoid duplication of efforts").
# On the data date, which countries sit in which cooperation frameworks? Which frameworks work on the
# same objectives of the Global Compact for Migration? Which pairs of frameworks overlap most?
#
# **Inputs.** `memberships` through `query.overlaps` (members and states parties on the date),
# `framework_objectives`, `gcm_objectives`, `frameworks`, `claims`, `sources`, through
# `migresearch.reports.overlaps.collect`.

# %% tags=["parameters"]
lang: str = "en"  # report language: "en" or "es"

# %%
from IPython.display import display

from migresearch.reports import overlaps as report

data = report.collect(lang)
assert len(data.membership) > 0, "check data/memberships.csv: no member on the data date"
display(report.title(data))

# %% [markdown]
# ## Countries by framework
# A heatmap of membership on the date, countries ordered by how many frameworks they sit in.

# %%
display(*report.membership_section(data))

# %% [markdown]
# ## Frameworks by GCM objective
# Which frameworks work on the same objectives, with the basis for each link.

# %%
display(*report.objectives_section(data))

# %% [markdown]
# ## The pairs that overlap most
# Shared member states first, then shared objectives.

# %%
display(*report.pairs_section(data))

# %% [markdown]
# ## Where sources disagree

# %%
display(*report.conflicts_section(data))
