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
# # Framework profile
#
# **Question.** What is this cooperation framework, where does it sit, who took part in it and when,
# what did its meetings discuss under which presidencies, which instruments did it adopt, and where
# do the sources disagree about it?
#
# **Inputs.** `frameworks`, `memberships`, `meetings`, `instruments`, `claims` and `sources`, loaded and
# validated through `migresearch`. All logic lives in `migresearch.reports.framework_profile`;
# this notebook only calls and displays. Run it for any `framework_id` in English or Spanish.

# %% tags=["parameters"]
framework: str = "eu-celac-sdcm"  # a framework_id of data/frameworks.csv
lang: str = "en"  # report language: "en" or "es"

# %% [markdown] tags=["remove_cell"]
# ## Load

# %%
from IPython.display import display

from migresearch.reports.framework_profile import FrameworkProfile

profile = FrameworkProfile(framework, lang)
assert str(profile.row["framework_id"]) == framework, "check that the framework id exists in data/frameworks.csv"

# %% [markdown] tags=["remove_cell"]
# ## Present

# %%
display(profile.title())
display(profile.overview())
for block in profile.children():
    display(block)

# %%
for block in profile.members():
    display(block)

# %%
for block in profile.meetings_section():
    display(block)

# %%
for block in profile.instruments_section():
    display(block)

# %%
for block in profile.conflicts_section():
    display(block)
