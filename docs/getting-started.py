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
# # Getting started with migresearch
#
# **Question.** Which frameworks of migration cooperation did a Latin American state belong to on a given
# day, who were MERCOSUR's States Parties then, and where do the sources disagree?
#
# Every table is loaded validated and typed; every row names its source and quotes it.

# %% tags=["parameters"]
country: str = "PER"  # an ISO 3166-1 alpha-3 code of data/countries.csv
on: str = "2017-06-01"  # an ISO date

# %%
import migresearch
from migresearch import query

migresearch.list_datasets()

# %% [markdown]
# The data dictionary of one table, read off its declaration:

# %%
migresearch.describe("memberships").head()

# %% [markdown]
# The frameworks the country belonged to on that day, and MERCOSUR's States Parties then:

# %%
query.frameworks_of(country, on)

# %%
query.members_on("mercosur", on)

# %% [markdown]
# Where sources disagree about meetings (each claim with its source and quote):

# %%
query.conflicts("meetings").head()

# %% [markdown]
# The data version, shown in every report footer and by `migresearch --version`:

# %%
migresearch.data_version()
