"""The statutory annual report (政府信息公开工作年度报告): its cells computed from the platform's own
data, checked by ``rules.annualreport``, and ``gongkai report check`` for any published report."""
