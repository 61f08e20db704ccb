"""Importing list files: the real OFAC SDN files, CSL and OpenSanctions, and refusals."""

from __future__ import annotations

import csv
import io

import pytest

from audit.models import AuditEvent
from restricted_parties import importers
from restricted_parties.importers import ListImportError
from restricted_parties.models import RestrictedPartyEntry, RestrictedPartyList
from restricted_parties.services import restricted_party_list_import, sample_list_load

SDN_ROW = '{n},"{name}",-0- ,SDGT,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'


def _ofac(write, sdn: str, alt: str = "", add: str = "", eof: bool = True):
    end = b"\x1a" if eof else b""
    write("ofac/sdn.csv", sdn.encode() + end)
    write("ofac/alt.csv", alt.encode() + end)
    return write("ofac/add.csv", add.encode() + end).parent


def _sdn_rows(path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8").rstrip("\x1a\r\n")
    return [r for r in csv.reader(io.StringIO(text)) if r]


# --- OFAC SDN, the real January 2022 files -------------------------------------------


@pytest.fixture(scope="module")
def ofac_parsed():
    from .conftest import OFAC_DIR

    if not (OFAC_DIR / "sdn.csv").exists():
        pytest.skip("the OFAC SDN files are not on this machine")
    return importers.ofac_sdn_parse(OFAC_DIR)


def test_it_parses_the_real_ofac_files(ofac_dir, ofac_parsed):
    parsed = ofac_parsed
    sdn_rows = _sdn_rows(ofac_dir / "sdn.csv")
    assert len(parsed.entries) == len(sdn_rows) == 9044
    first = parsed.entries[0]
    assert first.source_id == "36"
    assert first.name == "AEROCARIBBEAN AIRLINES"
    assert first.aliases == ["AERO-CARIBBEAN"]  # attached by ent_num from alt.csv
    assert first.countries == ["CU"]  # "Cuba" in add.csv
    assert first.entity_type == "entity"  # SDN_Type -0- means empty
    assert first.programs == "CUBA"
    assert "-0-" not in first.remarks
    assert all("-0-" not in e.name and "\x1a" not in e.remarks for e in parsed.entries)


def test_the_dos_eof_byte_at_the_end_of_add_csv_is_ignored(ofac_dir, ofac_parsed):
    assert (ofac_dir / "add.csv").read_bytes().endswith(b"\x1a")
    parsed = ofac_parsed
    zambian = [e for e in parsed.entries if e.source_id == "34488"]
    assert zambian and zambian[0].countries == ["ZM"]  # from the last rows before 0x1A


def test_oddities_in_the_real_files_are_warnings_not_refusals(ofac_parsed):
    parsed = ofac_parsed
    text = " ".join(parsed.warnings)
    assert "2677 (rows 57 and 9044)" in text  # an ent_num used twice in sdn.csv
    assert "34489" in text  # an address for an ent_num that is not in sdn.csv
    al_zomor = next(e for e in parsed.entries if e.name.startswith("AL-ZOMOR"))
    assert "AL-ZUMAR, Abbud" in al_zomor.aliases
    hamer = next(e for e in parsed.entries if e.name.startswith("HAMER AND NAIL"))
    assert hamer.aliases == []


@pytest.mark.django_db
def test_importing_ofac_stores_every_row_with_source_id_and_audits(ofac_list):
    assert ofac_list.is_active and ofac_list.name == "OFAC SDN"
    assert ofac_list.entry_count == 9044
    assert RestrictedPartyEntry.objects.filter(list=ofac_list).count() == 9044
    entry = RestrictedPartyEntry.objects.get(list=ofac_list, source_id="306")
    assert entry.name == "BANCO NACIONAL DE CUBA"
    assert "NATIONAL BANK OF CUBA" in entry.aliases
    assert entry.name_key == "banco cuba de nacional"
    assert len(entry.alias_keys) == len(entry.aliases)
    event = AuditEvent.objects.get(action="restricted_party_list.imported")
    assert event.object_id == str(ofac_list.pk)
    assert event.changes["entry_count"] == 9044
    assert len(ofac_list.file_sha256) == 64


@pytest.mark.django_db
def test_a_new_import_replaces_the_active_list_of_that_name_and_keeps_the_old(write):
    first = restricted_party_list_import(
        actor=None, fmt="ofac-sdn", path_or_file=_ofac(write, SDN_ROW.format(n=1, name="ALPHA CO"))
    )
    second = restricted_party_list_import(
        actor=None,
        fmt="ofac-sdn",
        path_or_file=_ofac(write, SDN_ROW.format(n=2, name="BETA CO")),
    )
    first.refresh_from_db()
    assert not first.is_active and second.is_active
    assert list(RestrictedPartyList.objects.filter(is_active=True)) == [second]
    assert RestrictedPartyEntry.objects.filter(list=first).count() == 1  # kept for history
    events = AuditEvent.objects.filter(action="restricted_party_list.imported").order_by("id")
    assert events.last().changes["replaced_list_id"] == first.pk


def test_minus_zero_with_and_without_trailing_space_is_empty(write):
    sdn = '5,"DOE, Jane",individual,SDGT,-0-,-0- ,-0-,-0- ,-0-,-0-,-0-,-0-\n'
    alt = '5,1,aka,"ROE, Jane",-0- \n5,2,aka,Jane Roe,\n'
    add = "5,1,-0- ,-0- ,Iran,-0- \n5,2,-0-,Tehran,-0-,-0-\n"
    parsed = importers.ofac_sdn_parse(_ofac(write, sdn, alt, add, eof=False))
    e = parsed.entries[0]
    assert (e.entity_type, e.remarks, e.countries) == ("individual", "", ["IR"])
    assert e.aliases == ["ROE, Jane", "Jane Roe"]


@pytest.mark.parametrize(
    ("sdn", "alt", "bad_file", "row", "reason"),
    [
        (
            SDN_ROW.format(n=1, name="A") + '2,"B",-0-,X\n',
            "",
            "sdn.csv",
            2,
            "expected 12 columns, found 4",
        ),
        (
            SDN_ROW.format(n=1, name="A") + SDN_ROW.format(n=2, name=" "),
            "",
            "sdn.csv",
            2,
            "empty name",
        ),
        (
            SDN_ROW.format(n=1, name="A") + SDN_ROW.format(n=2, name="-0-"),
            "",
            "sdn.csv",
            2,
            "empty name",
        ),
        (SDN_ROW.format(n="X1", name="A"), "", "sdn.csv", 1, "is not a number"),
        (SDN_ROW.format(n=1, name="A"), "1,1,aka,B\n", "alt.csv", 1, "expected 5 columns"),
        (SDN_ROW.format(n=1, name="A"), "1,1,aka,-0- ,-0-\n", "alt.csv", 1, "empty name"),
    ],
)
def test_malformed_ofac_files_are_refused_with_row_and_reason(
    write, sdn, alt, bad_file, row, reason
):
    with pytest.raises(ListImportError) as exc:
        importers.ofac_sdn_parse(_ofac(write, sdn, alt))
    assert exc.value.file_name == bad_file
    assert exc.value.row == row
    assert reason in exc.value.reason
    assert f"{bad_file}, row {row}" in exc.value.message


def test_binary_and_non_utf8_files_are_refused(write):
    good = SDN_ROW.format(n=1, name="A")
    with pytest.raises(ListImportError, match=r"sdn.csv, row 2: binary content"):
        importers.ofac_sdn_parse(_ofac(write, good + "PK\x03\x04\x00\x00"))
    directory = _ofac(write, good)
    (directory / "sdn.csv").write_bytes(good.encode() + b'2,"M\xfcller",-0-\n')
    with pytest.raises(ListImportError, match=r"sdn.csv, row 2: not UTF-8"):
        importers.ofac_sdn_parse(directory)


def test_an_ofac_import_needs_all_three_files(write):
    directory = _ofac(write, SDN_ROW.format(n=1, name="A"))
    (directory / "alt.csv").unlink()
    with pytest.raises(ListImportError, match="alt.csv: missing"):
        importers.ofac_sdn_parse(directory)


def test_an_empty_list_is_refused(write):
    with pytest.raises(ListImportError, match="no entries"):
        importers.ofac_sdn_parse(_ofac(write, ""))


@pytest.mark.django_db
def test_a_refused_file_leaves_the_list_in_force(write, ofac_dir):
    good = restricted_party_list_import(
        actor=None, fmt="ofac-sdn", path_or_file=_ofac(write, SDN_ROW.format(n=1, name="ALPHA CO"))
    )
    bad = _ofac(write, SDN_ROW.format(n=1, name="A") * 3 + "4,broken\n")
    with pytest.raises(ListImportError) as exc:
        restricted_party_list_import(actor=None, fmt="ofac-sdn", path_or_file=bad)
    assert exc.value.row == 4
    assert list(RestrictedPartyList.objects.filter(is_active=True)) == [good]
    assert RestrictedPartyList.objects.count() == 1
    assert AuditEvent.objects.filter(action="restricted_party_list.imported").count() == 1


@pytest.mark.django_db
def test_only_admins_may_import(write, reviewer, admin_user):
    from hrdd.errors import PermissionDenied

    directory = _ofac(write, SDN_ROW.format(n=1, name="ALPHA CO"))
    with pytest.raises(PermissionDenied):
        restricted_party_list_import(actor=reviewer, fmt="ofac-sdn", path_or_file=directory)
    imported = restricted_party_list_import(
        actor=admin_user, fmt="ofac-sdn", path_or_file=directory
    )
    assert imported.imported_by == admin_user


# --- CSL -----------------------------------------------------------------------------

CSL_NEW = (
    "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,"
    "start_date,end_date,standard_order,license_requirement,license_policy,call_sign,"
    "vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
    "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,"
    "source_information_url,ids\n"
    "a1,Entity List (EL) - Bureau of Industry and Security,,Entity,,Zenith Optics Co. Ltd.,,"
    '"12 Road, Shenzhen, CN; 3 Street, Hong Kong, HK",85 FR 1,2020-01-01,,,,,,,,,,,,,'
    '"ZENITH OPTICAL; Zenith Optics Company Limited",,,,,,\n'
    "b2,Specially Designated Nationals (SDN) - Treasury Department,12345,Individual,"
    'SDGT; IRGC,"DOE, John",,"Tehran, IR",,,,,,,,,,,,,,,"DOE, Jonathan",,1970,Iran,,,\n'
)
CSL_OLD = (
    "_id,Source,Entity_Number,SDN_Type,Programs,Name,Title,Address,Country,Alt. Names\n"
    "x9,DPL,,,,Old Format Trading Ltd,,1 Way,Germany,OFT Ltd; Old Fmt Trading\n"
)


def test_it_parses_the_csl_csv(write):
    parsed = importers.csl_parse(write("consolidated.csv", CSL_NEW))
    zenith, doe = parsed.entries
    assert zenith.source_id == "a1"  # no entity_number: the row's _id
    assert zenith.aliases == ["ZENITH OPTICAL", "Zenith Optics Company Limited"]
    assert zenith.countries == ["CN", "HK"]
    assert zenith.entity_type == "entity"
    assert zenith.programs.startswith("Entity List (EL)")
    assert doe.source_id == "12345"
    assert (doe.name, doe.entity_type, doe.countries) == ("DOE, John", "individual", ["IR"])
    assert doe.programs.endswith("SDGT; IRGC")


def test_it_accepts_older_csl_column_names(write):
    parsed = importers.csl_parse(write("consolidated.csv", CSL_OLD))
    e = parsed.entries[0]
    assert (e.source_id, e.name, e.countries) == ("x9", "Old Format Trading Ltd", ["DE"])
    assert e.aliases == ["OFT Ltd", "Old Fmt Trading"]


def test_a_csl_file_without_a_name_column_or_with_a_short_row_is_refused(write):
    with pytest.raises(ListImportError, match=r"row 1: missing required column 'name'"):
        importers.csl_parse(write("c.csv", "_id,source,title\n1,SDN,x\n"))
    with pytest.raises(ListImportError, match=r"row 3: expected 3 columns, found 2"):
        importers.csl_parse(write("c.csv", "_id,source,name\n1,SDN,A\n2,SDN\n"))
    with pytest.raises(ListImportError, match=r"row 2: empty name"):
        importers.csl_parse(write("c.csv", "_id,source,name\n1,SDN,\n"))


# --- OpenSanctions -------------------------------------------------------------------

OS_SIMPLE = (
    "id,schema,name,aliases,birth_date,countries,addresses,identifiers,sanctions,phones,"
    "emails,dataset,first_seen,last_seen,last_change\n"
    "os-1,Company,Blue Steppe Telecom JSC,ТОО Голубая Степь;Blue Steppe,,kz;ru,Almaty,,"
    "Sanctioned,,,Test,2024-01-01,2024-01-02,2024-01-02\n"
    'os-2,Person,"VOLKOV, Dmitri",Дмитрий Волков,1971,ru,,,,,,Test,,,\n'
)


def test_it_parses_the_opensanctions_simple_csv(write):
    parsed = importers.opensanctions_parse(write("targets.simple.csv", OS_SIMPLE))
    company, person = parsed.entries
    assert company.source_id == "os-1"
    assert company.aliases == ["ТОО Голубая Степь", "Blue Steppe"]
    assert company.countries == ["KZ", "RU"]
    assert (company.entity_type, person.entity_type) == ("entity", "individual")


def test_it_parses_followthemoney_json_lines_detected_by_content(write):
    lines = "\n".join(
        [
            '{"id":"e1","schema":"Company","target":true,"properties":{"name":["Kestrel Vision S.A."],'
            '"alias":["Kestrel Vision Sociedad Anonima"],"country":["pa"]},"datasets":["t"]}',
            '{"id":"s1","schema":"Sanction","properties":{"program":["X"]}}',
            '{"id":"p1","schema":"Person","properties":{"name":["AL-FARSI, Karim"],'
            '"alias":["كريم الفارسي"],"nationality":["sy"]}}',
            "",
        ]
    )
    parsed = importers.opensanctions_parse(write("entities.ftm.json", lines))
    assert [e.source_id for e in parsed.entries] == ["e1", "p1"]
    assert parsed.entries[0].aliases == ["Kestrel Vision Sociedad Anonima"]
    assert parsed.entries[0].countries == ["PA"]
    assert parsed.entries[1].countries == ["SY"]
    assert any("not parties" in w for w in parsed.warnings)


def test_malformed_opensanctions_files_are_refused(write):
    with pytest.raises(ListImportError, match=r"row 2: not valid JSON"):
        importers.opensanctions_parse(
            write("e.json", '{"id":"e1","schema":"Company","properties":{"name":["A"]}}\n{oops\n')
        )
    with pytest.raises(ListImportError, match=r"row 1: empty name"):
        importers.opensanctions_parse(
            write("e.json", '{"id":"e1","schema":"Person","properties":{}}\n')
        )
    with pytest.raises(ListImportError, match=r"missing required column 'schema'"):
        importers.opensanctions_parse(write("t.csv", "id,name\n1,A\n"))


@pytest.mark.django_db
def test_the_sample_list_loads_once(admin_user):
    first = sample_list_load(actor=admin_user)
    assert first.entry_count == 20 and first.is_active
    assert first.source_format == "sample"
    assert sample_list_load() == first
    assert RestrictedPartyList.objects.count() == 1


# --- Weak aliases -------------------------------------------------------------------


@pytest.mark.django_db
def test_ofac_weak_aliases_come_from_the_remarks_and_are_stored(write):
    sdn = (
        "306,BANCO NACIONAL DE CUBA,-0- ,CUBA,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
        "a.k.a. 'BNC'.\n"
        '19829,"ABU MARZOOK, Mousa",individual,SDGT,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
        "\"DOB 1951; a.k.a. 'ABU-'UMAR'; f.k.a. 'SAND SWAN'.\"\n"
    )
    path = _ofac(write, sdn, alt="306,12,aka,NATIONAL BANK OF CUBA,-0- \n")
    parsed = importers.ofac_sdn_parse(path)
    assert [e.weak_aliases for e in parsed.entries] == [["BNC"], ["ABU-'UMAR", "SAND SWAN"]]
    assert parsed.entries[0].aliases == ["NATIONAL BANK OF CUBA"]
    restricted_party_list_import(actor=None, fmt="ofac-sdn", path_or_file=path)
    assert RestrictedPartyEntry.objects.get(source_id="306").weak_aliases == ["BNC"]


def test_followthemoney_weak_aliases_are_kept_apart_from_aliases(write):
    line = (
        '{"id":"os-1","schema":"Company","properties":{"name":["Banco Nacional de Cuba"],'
        '"alias":["National Bank of Cuba"],"weakAlias":["BNC"]}}\n'
    )
    entry = importers.opensanctions_parse(write("entities.ftm.json", line)).entries[0]
    assert entry.aliases == ["National Bank of Cuba"] and entry.weak_aliases == ["BNC"]
