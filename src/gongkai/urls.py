from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from gongkai.orgs.twofactor_views import admin_login

admin.site.site_header = "政务公开工作平台 · 管理后台"
admin.site.site_title = "政务公开工作平台"
admin.site.index_title = "数据管理"

urlpatterns = [
    path("api/", include("gongkai.api.urls")),
    # the public pages first: Django tries the patterns in order, and the portal's pages are most
    # of the requests (none of these prefixes overlap, so the order decides no match)
    path("", include("gongkai.portal.urls")),
    path("", include("gongkai.records.urls")),
    path("", include("gongkai.orgs.urls")),
    path("", include("gongkai.plans.urls")),
    path("", include("gongkai.foi.urls")),
    path("", include("gongkai.interaction.urls")),
    path("", include("gongkai.assessment.urls")),
    path("", include("gongkai.reports.urls")),
    path("", include("gongkai.monitoring.urls")),
    path("", include("gongkai.opendata.urls")),
    path("console/", include("gongkai.console.urls")),
    path("console/audit/", include("gongkai.audit.urls")),
    path("console/api-tokens/", include("gongkai.api.console_urls")),
    path("console/calendar/", include("gongkai.calendars.urls")),
    # The admin site has no login of its own: the staff login with its second factor.
    path("admin/login/", admin_login),
    path("admin/", admin.site.urls),
]

if settings.GONGKAI_BENCH_BARE_VIEW:  # the portal benchmark's peer (gongkai.bench.portal), off by default
    from gongkai.bench.bareview import bare_record

    # first, as a bare Django site's only URL would be: after the ~200 patterns above, resolving
    # it took about a tenth of the view's time (1.39 against 1.27 ms in process)
    urlpatterns.insert(0, path("bench/bare/<int:pk>/", bare_record))

handler400 = "gongkai.portal.views.bad_request"
handler403 = "gongkai.portal.views.forbidden"
handler404 = "gongkai.portal.views.not_found"
handler500 = "gongkai.portal.views.server_error"
