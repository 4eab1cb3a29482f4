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
# # The EU–CELAC Structured and Comprehensive Dialogue on Migration
#
# **Question.** How did the dialogue develop from the Lima summit (2008) to today: its high-level
# meetings with dates, presidencies and themes, the bi-regional summits around it, the IOM/FIIAPP
# project, and how many high-level meetings there were (sources say seven, eight or nine)?
#
# **Inputs.** `meetings`, `frameworks`, `claims` and `sources` through `migresearch`. The analysis is
# `migresearch.reports.eu_celac_dialogue.collect` (typed frames: `data.hlms`, `data.summits`,
# `data.hlm_claims`...); the disagreement about the number of meetings comes from `claims` and is shown
# as such, never resolved here.

# %% tags=["parameters"]
lang: str = "en"  # report language: "en" or "es"

# %%
from migresearch.reports import eu_celac_dialogue as report

data = report.collect()
assert len(data.hlms) > 0, "check that data/meetings.csv loads and holds the dialogue's high-level meetings"
report.title(data, lang)

# %% [markdown]
# ## From the Lima summit to the launch
# Where the dialogue was proposed (`data.lima`) and when it was launched (`data.launch`).

# %%
report.origins(data, lang)

# %% [markdown]
# ## High-level meetings
# The dialogue's high-level meetings on a time line and in a table, with the EU Council presidency and
# the CELAC co-chair of each (`data.hlms`).

# %%
report.hlms(data, lang)

# %% [markdown]
# ## How many high-level meetings?
# The numbered meetings the data holds (`data.numbered`) beside what each source says (`data.hlm_claims`).

# %%
report.hlm_count(data, lang)

# %% [markdown]
# ## Bi-regional summits
# The EU-LAC and EU-CELAC summits around the dialogue (`data.summits`).

# %%
report.summits(data, lang)

# %% [markdown]
# ## The IOM/FIIAPP project
# The EU-funded project that supported the dialogue: its profile (`data.project`) and the sources'
# disagreements about it (`data.project_conflicts`).

# %%
report.project(data, lang)

# %% [markdown]
# ## Where sources disagree
# Disagreements about the dialogue's meetings and the summits (`data.other_conflicts`).

# %%
report.conflicts(data, lang)
