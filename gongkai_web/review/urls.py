from django.urls import path

from gongkai_web.review.views import index, report

app_name = "review"

urlpatterns = [
    path("", index.index, name="index"),
    path("upload/", index.upload, name="upload"),
    path("import/", index.import_generated, name="import"),
    path("export.csv", index.export_csv, name="export-csv"),
    path("export.xlsx", index.export_xlsx, name="export-xlsx"),
    path("charts/findings.svg", index.chart_findings, name="chart-findings"),
    path("charts/trend.svg", report.chart_trend, name="chart-trend"),
    path("reports/<int:pk>/", report.detail, name="report"),
    path("compare/", report.compare_years, name="compare"),
]
