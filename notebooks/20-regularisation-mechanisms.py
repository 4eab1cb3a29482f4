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
# # Regularisation mechanisms in Latin America and the Caribbean
#
# **Question** (Bogotá forum 2025, theme 2). Which regularisation programmes have the countries of the
# region run, under which legal instruments, for whom and with what registration window, eligibility
# cut-off, permit, length and fee; how many people did they reach according to the figures published so
# far (each figure with the date it refers to and every later revision); and where do sources disagree?
#
# **Inputs.** `regularisations` (and `regularisation_instruments` where the data has it), `figures`,
# `series`, `countries`, `claims` and `sources`, through `migresearch.reports.regularisation.collect`.

# %% tags=["parameters"]
lang: str = "en"  # report language: "en" or "es"

# %%
from IPython.display import display

from migresearch.reports import regularisation as report

data = report.collect(lang)
assert len(data.programmes) > 0, "check that data/regularisations.csv loads and has rows"
display(report.title(data))

# %% [markdown]
# ## Programmes compared
# One row per programme or phase: instruments with their dates, registration window, eligibility
# cut-off, permit and its length, fee, and the latest figure of the people it reached.

# %%
display(*report.programmes_section(data))

# %% [markdown]
# ## Timeline by country
# A bar per registration window; a dot where only the opening or the announcement is dated.

# %%
display(*report.timeline_section(data))

# %% [markdown]
# ## Programmes per country
# The counts the map will show (the map is drawn from the vendored Natural Earth layer when it lands).

# %%
display(*report.map_section(data))

# %% [markdown]
# ## Figures and their vintages
# Every published figure about a programme, with its reference date and publication date.

# %%
display(*report.figures_section(data))

# %% [markdown]
# ## Where sources disagree
# Each claim with its source; the table's own value is shown beside it, never chosen silently.

# %%
display(*report.conflicts_section(data))
