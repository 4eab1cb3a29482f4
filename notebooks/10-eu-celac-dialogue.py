# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: migresearch (Python 3.11)
#     language: python
#     name: migresearch
# ---

# %% [markdown] tags=["remove_cell"]
# # The EU–CELAC Structured and Comprehensive Dialogue on Migration
#
# **Question.** How did the dialogue develop from the Lima summit (2008) to today: its high-level
# meetings with dates, presidencies and themes, the bi-regional summits around it, the IOM/FIIAPP
# project, and how many high-level meetings there were (sources say seven, eight or nine)?
#
# **Inputs.** `meetings`, `frameworks`, `claims` and `sources` through `migresearch`; the disagreement
# about the number of meetings comes from `claims` and is shown as such, never resolved here.

# %% tags=["parameters"]
lang: str = "en"  # report language: "en" or "es"

# %% [markdown] tags=["remove_cell"]
# ## Load

# %%
from IPython.display import display

from migresearch.reports.eu_celac_dialogue import DialogueReport

report = DialogueReport(lang)
assert len(report.meetings) > 0, "check that data/meetings.csv loads"

# %% [markdown] tags=["remove_cell"]
# ## Present

# %%
display(report.title())
for block in report.origins():
    display(block)

# %%
for block in report.hlms():
    display(block)

# %%
for block in report.hlm_count():
    display(block)

# %%
for block in report.summits():
    display(block)

# %%
for block in report.project():
    display(block)

# %%
for block in report.other_conflicts():
    display(block)
