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
# # Data quality: what the data hold and how well they are supported
#
# **Question.** How many rows does each table hold and on which sources; how well is each CELAC
# country covered; which values are inferred and why; which disagreements between sources are open;
# which rows lack an evidence quote; where is Spanish text missing; how old are the sources?
#
# **Inputs.** Every registered table, through `migresearch.reports.data_quality.collect`.

# %% tags=["parameters"]
lang: str = "en"  # report language: "en" or "es"

# %%
from IPython.display import display

from migresearch.reports import data_quality as report

data = report.collect(lang)
assert len(data.tables) > 0, "check that the data folder holds the registered tables"
display(report.title(data))

# %% [markdown]
# ## Rows per table

# %%
display(*report.tables_section(data))

# %% [markdown]
# ## Rows per source

# %%
display(*report.sources_section(data))

# %% [markdown]
# ## Coverage per country

# %%
display(*report.coverage_section(data))

# %% [markdown]
# ## Inferred values and their reasons

# %%
display(*report.inferred_section(data))

# %% [markdown]
# ## Open disagreements

# %%
display(*report.conflicts_section(data))

# %% [markdown]
# ## Spanish text missing

# %%
display(*report.spanish_section(data))

# %% [markdown]
# ## Oldest sources

# %%
display(*report.oldest_section(data))
