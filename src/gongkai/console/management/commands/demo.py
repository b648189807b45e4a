from __future__ import annotations

from typing import Any

from gongkai.cmdbase import GongkaiCommand
from gongkai.console.demo import DEMO_ACCOUNTS, load_demo


class Command(GongkaiCommand):
    help = "导入演示数据（种子通知中的单位名录、分工方案和各角色的演示账号），只导入一次。"

    def handle(self, *args: Any, **options: Any) -> None:
        result = load_demo()
        if result.units_created:
            self.stdout.write(f"已导入演示单位 {result.units_created} 个。")
        if result.plans_created:
            self.stdout.write(f"已将 {result.plans_created} 份种子通知导入为分工方案。")
        if result.records_created:
            self.stdout.write(f"已发布 {result.records_created} 条演示政府信息。")
        if result.reports_created:
            self.stdout.write(f"已填报 {result.reports_created} 份演示用任务进展报告。")
        if result.annual_reports_created:
            self.stdout.write(f"已编写 {result.annual_reports_created} 份演示用上一年度政府信息公开工作年度报告（已发布、已报送、数据待核对各一份）。")
        if result.requests_created:
            self.stdout.write(f"已创建 {result.requests_created} 件演示用政府信息公开申请。")
        if not result.passwords:
            self.stdout.write("演示数据已存在，未作改动。（演示账号的密码见 var/demo-accounts.txt）")
            return
        roles = {account.username: account for account in DEMO_ACCOUNTS}
        self.stdout.write("演示账号（一次性密码，只显示这一次；另存于 var/demo-accounts.txt）：")
        for username, password in result.passwords.items():
            account = roles[username]
            self.stdout.write(f"  {account.role.label:<8} {username:<16} {password}    {account.unit_name or ''}")
        self.stdout.write("公开办管理员和审核人首次登录时须用手机身份验证器绑定两步验证（GONGKAI_TWO_FACTOR_REQUIRED=none 可在本机演示时免去）。")
