"""Pages for channel imports. Thin: the same services and selectors as the API."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_POST

from hrdd.errors import ApplicationError
from hrdd.lists import filtered, list_page, sort_links
from opportunities.models import Product

from . import exports
from .filters import COLUMNS as LIST_COLUMNS
from .filters import ImportFilter
from .models import ChannelImport
from .policies import imports_visible_to, organisations_for_upload, sees_import_counts
from .presenters import import_status_choices, line_for_viewer, summary_for_viewer
from .rows import COLUMN_HELP, COLUMNS, REQUIRED, headers_all_named
from .selectors import (
    import_flagged_lines,
    import_get,
    import_issues,
    import_lines_iter,
    import_progress,
    import_rows,
    import_sample_values,
)
from .services import (
    import_accept,
    import_choose_sheet,
    import_discard,
    import_map,
    import_upload,
)

ISSUES_SHOWN = 100


def _get_or_404(request, pk: int) -> ChannelImport:
    imp = import_get(user=request.user, pk=pk)
    if imp is None:
        raise Http404
    return imp


def _status_context(imp: ChannelImport, user) -> dict:
    counts = sees_import_counts(user)
    ctx = {
        "imp": imp,
        "progress": import_progress(imp, counts=counts),
        "rows": import_rows(imp),
        "sees_counts": counts,
    }
    if imp.status == ChannelImport.Status.VALIDATED:
        ctx["issues"] = list(import_issues(imp)[:ISSUES_SHOWN])
    if imp.status == ChannelImport.Status.COMPLETED:
        # Lines and summary as this viewer may see them (presenters).
        lines = list(import_flagged_lines(imp, full=counts))
        skus = {x.data.get("sku") for x in lines} - {"", None}
        products = dict(Product.objects.filter(sku__in=skus).values_list("sku", "name"))
        ctx["flagged"] = [line_for_viewer(x, user, products) for x in lines]
        summary = ctx["summary"] = summary_for_viewer(imp.summary, user)
        ctx["tiers"] = [
            (t, summary.get("tiers", {}).get(t, 0))
            for t in ("low", "medium", "high", "critical", "prohibited")
        ]
    return ctx


@login_required
def import_list_view(request):
    """Imports the user may see: the API's filterset (`filters.ImportFilter`), sortable
    columns and page numbers with counts."""
    orgs = organisations_for_upload(request.user)
    filterset = ImportFilter(
        request.GET, queryset=imports_visible_to(request.user), request=request
    )
    ctx = {
        **list_page(request, filtered(filterset), per_page=25),
        "list_name": "imports",
        "chosen": {k: v.strip() for k, v in request.GET.items()},
        "columns": sort_links(request, LIST_COLUMNS),
        "statuses": import_status_choices(request.user),
        "sees_counts": sees_import_counts(request.user),
        "organisations": orgs,
        "can_upload": orgs.exists(),
        "columns_expected": [(c, COLUMN_HELP[c], c in REQUIRED) for c in COLUMNS],
        # a refused upload, shown once beside the field it concerns
        "upload_errors": request.session.pop("import-upload-errors", None) or {},
    }
    if request.headers.get("HX-Request") == "true":
        return render(request, "channel_imports/_list_table.html", ctx)
    return render(request, "channel_imports/list.html", ctx)


@login_required
@require_POST
def import_upload_view(request):
    orgs = organisations_for_upload(request.user)
    org = orgs.filter(
        pk=request.POST.get("organisation") or request.user.organisation_id or 0
    ).first()
    upload = request.FILES.get("file")
    if org is None or upload is None:
        messages.error(request, "Choose the partner organisation and a CSV or XLSX file.")
        errors = {"organisation": "Choose the partner organisation."} if org is None else {}
        if upload is None:
            errors["file"] = "Choose a CSV or XLSX file."
        request.session["import-upload-errors"] = errors
        return redirect("channel-import-list")
    try:
        imp = import_upload(actor=request.user, organisation=org, uploaded_file=upload)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        request.session["import-upload-errors"] = {"file": exc.message}
        return redirect("channel-import-list")
    return _mapped_for_you(request, imp) or redirect("channel-import-mapping", pk=imp.pk)


def _mapped_for_you(request, imp: ChannelImport):
    """A file whose every header names an expected column needs no mapping step: it goes
    straight to validation, and the page says so with a way back to the mapping."""
    if imp.status != ChannelImport.Status.UPLOADED or imp.needs_sheet:
        return None
    if not headers_all_named(imp.headers, imp.mapping):
        return None
    try:
        import_map(actor=request.user, channel_import=imp, mapping=imp.mapping)
    except ApplicationError:
        return None  # the mapping step says what is wrong
    messages.info(
        request,
        format_html(
            "Every column of your file has the name of an expected column, so the columns were "
            'matched for you and the file is being checked. <a href="{}">Change the mapping</a>',
            reverse("channel-import-mapping", args=[imp.pk]),
        ),
    )
    return redirect("channel-import-detail", pk=imp.pk)


@login_required
def import_mapping_view(request, pk: int):
    imp = _get_or_404(request, pk)
    errors: dict = {}
    mapping = dict(imp.mapping)
    if request.method == "POST" and "sheet" in request.POST:
        try:
            import_choose_sheet(actor=request.user, channel_import=imp, sheet=request.POST["sheet"])
        except ApplicationError as exc:
            messages.error(request, exc.message)
        return redirect("channel-import-mapping", pk=imp.pk)
    if request.method == "POST":
        mapping = {c: request.POST.get(f"map-{c}", "") for c in COLUMNS}
        try:
            import_map(actor=request.user, channel_import=imp, mapping=mapping)
        except ApplicationError as exc:
            errors = exc.errors or {"__all__": exc.message}
            messages.error(request, exc.message)
        else:
            return redirect("channel-import-detail", pk=imp.pk)
    rows = [
        (c, COLUMN_HELP[c], c in REQUIRED, mapping.get(c, ""), errors.get(c, "")) for c in COLUMNS
    ]
    editable = imp.status in ("uploaded", "validated")
    return render(
        request,
        "channel_imports/mapping.html",
        {
            "imp": imp,
            "rows": rows,
            "editable": editable,
            "samples": import_sample_values(imp) if editable and not imp.needs_sheet else [],
        },
        status=400 if errors else 200,
    )


@login_required
def import_detail_view(request, pk: int):
    imp = _get_or_404(request, pk)
    return render(request, "channel_imports/detail.html", _status_context(imp, request.user))


@login_required
@require_GET
def import_status_partial(request, pk: int):
    """The live part of the detail page, polled every second while work is running."""
    imp = _get_or_404(request, pk)
    return render(request, "channel_imports/_status.html", _status_context(imp, request.user))


@login_required
@require_POST
def import_accept_view(request, pk: int):
    imp = _get_or_404(request, pk)
    try:
        import_accept(actor=request.user, channel_import=imp)
        messages.success(
            request, f"Importing {imp.valid_rows:,} valid rows; screening starts in the background."
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("channel-import-detail", pk=pk)


@login_required
@require_POST
def import_discard_view(request, pk: int):
    imp = _get_or_404(request, pk)
    try:
        import_discard(actor=request.user, channel_import=imp)
        messages.info(
            request, "Upload discarded: nothing was imported. Fix the file and upload it again."
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("channel-import-detail", pk=pk)


def _csv_response(rows, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        exports.csv_stream(rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _xlsx_response(fh, filename: str) -> FileResponse:
    return FileResponse(
        fh,
        as_attachment=True,
        filename=filename,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@login_required
@require_GET
def import_report_csv(request, pk: int):
    imp = _get_or_404(request, pk)
    return _csv_response(
        exports.report_rows(
            import_issues(imp).iterator(chunk_size=2000), codes=header_codes(request, default=False)
        ),
        f"import-{imp.pk}-validation-report.csv",
    )


def header_codes(request, *, default: bool) -> bool:
    """`?headers=codes` (or `=words`): the header row a program or a person reads."""
    asked = request.GET.get("headers", "")
    return asked == "codes" if asked in ("codes", "words") else default


def results_response(imp: ChannelImport, fmt: str, viewer, *, codes: bool = False):
    """Every line of an import with its findings, as CSV (streamed) or XLSX, as `viewer`
    may see them; the header in words, or in codes for programs."""
    rows = exports.result_rows(import_lines_iter(imp), viewer, codes=codes)
    name = f"import-{imp.pk}-screening"
    if fmt == "xlsx":
        summary = {"Rows": exports.row_accounting_rows(imp, import_rows(imp))}
        return _xlsx_response(
            exports.xlsx_file(rows, title="Screening", extra_sheets=summary), f"{name}.xlsx"
        )
    if fmt != "csv":
        raise Http404
    return _csv_response(rows, f"{name}.csv")


@login_required
@require_GET
def import_results_export(request, pk: int, fmt: str):
    return results_response(
        _get_or_404(request, pk), fmt, request.user, codes=header_codes(request, default=False)
    )


@login_required
@require_GET
def import_template(request, fmt: str):
    if fmt == "xlsx":
        return _xlsx_response(
            exports.xlsx_file(exports.template_rows(), title="Lines", codes_sheet=True),
            "channel-import-template.xlsx",
        )
    return _csv_response(exports.template_rows(), "channel-import-template.csv")
