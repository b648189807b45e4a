from __future__ import annotations

from django.urls import path

from gongkai.orgs import twofactor_views, views

app_name = "orgs"

urlpatterns = [
    path("accounts/login/", views.LoginView.as_view(), name="login"),
    path("accounts/login/verify/", twofactor_views.login_verify, name="login_verify"),
    path("accounts/login/enrol/", twofactor_views.login_enrol, name="login_enrol"),
    path("accounts/two-factor/", twofactor_views.two_factor, name="two_factor"),
    path("accounts/logout/", views.logout_view, name="logout"),
    path("accounts/password/", views.password_change, name="password_change"),
    path("console/units/", views.unit_list, name="unit_list"),
    path("console/units/export.<str:fmt>", views.unit_export, name="unit_export"),
    path("console/units/import/", views.unit_import, name="unit_import"),
    path("console/units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("console/users/", views.user_list, name="user_list"),
    path("console/users/new/", views.user_create, name="user_create"),
    path("console/users/<int:pk>/", views.user_edit, name="user_edit"),
    path("console/units/<int:pk>/liaison/", views.unit_liaison, name="unit_liaison"),
    path("console/notices/", views.notice_list, name="notices"),
    path("console/notices/read-all/", views.notices_read_all, name="notices_read_all"),
    path("console/notices/<int:pk>/", views.notice_open, name="notice_open"),
    path("console/notices/<int:pk>/read/", views.notice_read, name="notice_read"),
]
