"""Assessment (考评与示范点评估): indicator systems, staged scoring and score rates, as pure rules.

- ``indicators``: the indicator tree (一级/二级/三级指标), the unit classes each leaf applies to,
  重点领域 leaves, and the checks a system must pass before it is used.
- ``scoring``: the stages 自评 → 采集 → 复核 → 审定 (seed 001 三(三)), which entry counts, when an
  evaluator must give a reason, and the score rates (得分率, 重点领域得分率) and rankings.
- ``sheet``: an indicator system read from and written to .xlsx, one row per leaf.
- ``seed001``: seed 001's indicators as the demo system.

The awards of seed 001 三(四) are in ``gongkai.rules.awards``. No module here imports Django.
"""
