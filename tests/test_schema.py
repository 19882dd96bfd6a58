"""`pollcli schema`: generated from the models, and every JSON output validates against it."""

import dataclasses
import json
import warnings

import jsonschema
import pytest

from conftest import DATA, ROOT, invoke, write
from pollcli import schema as registry
from pollcli import summarize

SEATS = ROOT / "tests" / "seats"

# Representative runs of each command with a JSON output; a new command adds its runs here.
RUNS = {
    "summary": [
        ["summary", str(DATA / "kz_2022.csv")],
        ["summary", str(DATA / "kz_2019.csv"), str(DATA / "kz_2022.csv")],
        *[["summary", str(path)] for path in sorted(DATA.glob("kz_2022_exit_poll_*.csv"))],
    ],
    "compare": [
        ["compare", str(DATA / "kz_2019.csv"), str(DATA / "kz_2022.csv")],
        ["compare", *map(str, sorted(DATA.glob("kz_2022*.csv")))],
    ],
    "validate": [
        ["validate", *map(str, sorted(DATA.glob("*.csv")))],
    ],
    "seats": [
        ["seats", str(DATA / "kz_2023_mazhilis.csv")],
        ["seats", str(DATA / "kz_2023_mazhilis.csv"), "--method=hare,dhondt,imperiali"],
        ["seats", str(DATA / "kz_2021_mazhilis.csv"), str(DATA / "kz_2023_mazhilis.csv")],
        ["seats", str(SEATS / "districts.csv")],
        ["seats", str(SEATS / "races.csv")],
    ],
}


def schema_of(name: str) -> dict:
    result = invoke("schema", name)
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def test_known_names_include_summary_and_validate():
    assert {"summary", "validate"} <= set(registry.names())
    assert set(registry.names()) <= set(RUNS)


@pytest.mark.parametrize("name", registry.names())
def test_schema_is_a_valid_draft_2020_12_schema(name):
    document = schema_of(name)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(document)


@pytest.mark.parametrize("name", registry.names())
def test_schema_is_generated_from_the_model(name):
    model = registry.model(name)
    generated = schema_of(name)
    assert generated["title"] == model.__name__
    printed = {
        field.name for field in dataclasses.fields(model) if not field.metadata.get("exclude")
    }
    assert set(generated["properties"]) == printed
    assert generated["properties"]["command"]["const"] == name


@pytest.mark.parametrize(
    ("name", "args"), [(name, args) for name in registry.names() for args in RUNS[name]]
)
def test_every_json_output_validates(name, args):
    result = invoke(*args, "--format", "json")
    assert result.code in (0, 1), result.stderr
    jsonschema.validate(json.loads(result.stdout), schema_of(name))


@pytest.mark.parametrize(
    ("name", "args"), [(name, args) for name in registry.names() for args in RUNS[name]]
)
def test_json_output_is_what_pydantic_makes_of_the_result(name, args):
    """pollcli serialises its dataclasses itself (pollcli.document); Pydantic, reading the same
    classes, must agree to the key and to the JSON type: compared as text, an int where a float
    field was (Pydantic prints 5.0) would differ, and a value of a wrong type warns."""
    from pydantic import TypeAdapter

    from pollcli import allocate, compare, load, validate

    files = [a for a in args[1:] if not a.startswith("-")]
    methods = next((a.split("=", 1)[1] for a in args if a.startswith("--method=")), None)
    result = {
        "summary": lambda: summarize(load(files), threshold=5, majority=50),
        "compare": lambda: compare(load(files)),
        "validate": lambda: validate(files),
        "seats": lambda: allocate(load(files), methods=methods),
    }[name]()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        expected = TypeAdapter(registry.model(name)).dump_python(result, mode="json")
    assert json.dumps(result.to_dict()) == json.dumps(expected)
    printed = json.loads(invoke(*args, "--format", "json").stdout)
    if name != "summary":  # the CLI ran with the default thresholds
        assert json.dumps(printed) == json.dumps(expected)


def test_summary_of_the_reference_file_validates(kz2022):
    """The issue's acceptance check: `pollcli schema summary` validates `pollcli summary kz_2022.csv`."""
    result = invoke("summary", str(kz2022), "--format", "json")
    jsonschema.validate(json.loads(result.stdout), schema_of("summary"))


def test_every_printed_key_is_required():
    """Outputs always carry every key (but `regions`, printed only with --by region, `partial`,
    only for a race --where kept in part, `fused_lead`, only where a name's party lines added up
    would lead, `repeated_block`, only where a block listed twice could change the verdict, `seats`
    and `elected`, only for a race of several seats, `seats_won`, only where the file gives each
    option's seats won, `advance`, only for a top-two primary, and the keys of a file of many races, printed only for one, `set_aside` among them)."""
    document = schema_of("summary")
    election = document["$defs"]["ElectionSummary"]
    optional = {
        "regions",
        "race_keys",
        "partial",
        "fused_lead",
        "repeated_block",
        "seats",
        "elected",
        "seats_won",
        "advance",
    }
    assert set(election["required"]) == set(election["properties"]) - optional
    assert document["required"] == ["schema_version", "command", "elections"]
    assert set(document["properties"]) - set(document["required"]) == {
        "overview",
        "tally",
        "splits",
        "refused",
        "set_aside",
    }


def test_the_optional_keys_of_many_races_validate():
    """`partial`, `primary` and `assumed_plurality` appear only where they apply: outputs that
    carry them still validate (schema_version 1: new keys only, none renamed or removed)."""
    races = ROOT / "tests" / "races"
    runs = [
        [str(races / "openelections_general.csv"), "--where", "county=Alder"],
        [str(races / "medsl_house.csv")],
        [str(races / "constituencies.csv")],
    ]
    seen: set[str] = set()
    for args in runs:
        result = invoke("summary", *args, "--format", "json")
        assert result.code == 0, result.stderr
        data = json.loads(result.stdout)
        jsonschema.validate(data, schema_of("summary"))
        seen |= {key for e in data["elections"] for key in e if key == "partial"}
        seen |= {key for line in data["overview"]["races"] for key in line}
    assert {"partial", "primary", "assumed_plurality"} <= seen


def test_schema_rejects_output_with_a_key_missing(kz2022):
    data = json.loads(invoke("summary", str(kz2022), "--format", "json").stdout)
    del data["elections"][0]["leader"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema_of("summary"))


def test_invalid_file_report_validates(tmp_path):
    path = write(tmp_path, "candidate,votes\nA,-5\nA,3\n,7\n")
    result = invoke("validate", str(path), "--format", "json")
    assert result.code == 1
    data = json.loads(result.stdout)
    assert data["files"][0]["problems"]
    jsonschema.validate(data, schema_of("validate"))


def test_unknown_name_is_a_usage_error():
    result = invoke("schema", "nonsense")
    assert result.code == 2
    assert "no schema named 'nonsense'; choose one of summary" in result.stderr


def test_schema_output_file(tmp_path):
    target = tmp_path / "summary.schema.json"
    result = invoke("schema", "summary", "--output", str(target))
    assert result.code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8")) == schema_of("summary")


def test_seats_of_races_that_name_no_winner_validate(tmp_path):
    """A race of an unknown number of seats gives its district `seats: null` and `no_winner`; a
    runoff to come gives `no_winner` with its seat known: both validate against `schema seats`."""
    rows = (
        "# system: majority\n"
        "office,district,candidate,party,votes\n"
        "House,1,Ann,A,30\nHouse,1,Ann Two,A,25\nHouse,1,Bob,B,45\n"
        "House,2,Cat,A,45\nHouse,2,Dan,B,40\nHouse,2,Eve,C,15\n"
        "House,3,Fay,B,70\nHouse,3,Gus,A,30\n"
    )
    result = invoke("seats", str(write(tmp_path, rows)), "--format", "json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema_of("seats"))
    (election,) = data["elections"]
    reasons = {d["district"]: (d["seats"], d.get("no_winner")) for d in election["districts"]}
    assert reasons == {
        "House · 1": (None, "seats_unknown"),
        "House · 2": (1, "runoff"),
        "House · 3": (1, None),
    }
    # The seats known: House · 2's and House · 3's; one of them won.
    assert election["seats"] == 2 and election["allocations"][0]["seats"] == 1
