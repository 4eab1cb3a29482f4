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
# # Good practices for the socio-economic inclusion of migrants: a compendium
#
# **Question** (Bogotá forum 2025, theme 4: a "framework document of best practices for the
# socio-economic inclusion of migrants"). Which practices do the data record, by forum theme and by
# objective of the Global Compact for Migration, each with what was done and for whom, where, by whom,
# when, for which objectives and principles, and on what source?
#
# **Inputs.** `practices`, `forum_themes`, `gcm_objectives`, `gcm_principles`, `frameworks`, `sources`,
# through `migresearch.reports.compendium.collect`. The page prints to PDF from the browser.

# %% tags=["parameters"]
lang: str = "en"  # report language: "en" or "es"

# %%
from migresearch.reports import compendium as report

data = report.collect(lang)
assert len(data.practices) > 0, "check data/practices.csv"
report.title(data)

# %% [markdown]
# ## Practices by forum theme
# Each practice once, under the first theme it answers; the other themes link to it.

# %%
report.themes_section(data)

# %% [markdown]
# ## Index by GCM objective

# %%
report.objectives_section(data)
