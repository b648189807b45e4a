"""Open data (数据开放, issue 20 point 3): the pure rules under the ``opendata`` app.

- ``vocabulary``: the themes (主题分类), update frequencies and licences a data set is described with,
  each with its DCAT/EU vocabulary URI;
- ``sheet``: an uploaded table (.xlsx, or .csv in UTF-8/GB18030) read and validated whole;
- ``dcat``: a data set and the catalog as DCAT-AP-style JSON-LD;
- ``openplan``: where one entry of the yearly opening plan (年度开放计划) stands.

Pure: no Django.
"""
