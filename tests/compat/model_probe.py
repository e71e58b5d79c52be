"""Exercises every ``miro_api.models`` class the same way under either client (run in a
subprocess: ``python model_probe.py SAMPLES.json OUT.json``, with the official wheel or
the shim first on ``PYTHONPATH``) and records what each call gives or raises."""

import importlib
import json
import sys

from programs.run import plain


def attempt(call):
    try:
        return {"ok": plain(call(), times=True)}
    except Exception as exc:  # noqa: BLE001 - the kind of failure is the result
        errors = getattr(exc, "errors", None)
        kinds = [(e["type"], list(e["loc"])) for e in errors()] if callable(errors) else None
        return {"raised": [isinstance(exc, ValueError), isinstance(exc, TypeError), kinds]}


def probe(name, sample):
    cls = getattr(importlib.import_module(f"miro_api.models.{sample['module']}"), name)
    out = {}
    out["empty.to_dict"] = attempt(lambda: cls().to_dict())
    out["empty.model_dump"] = attempt(lambda: cls().model_dump(mode="json"))
    out["from_dict.to_dict"] = attempt(lambda: cls.from_dict(sample["alias"]).to_dict())
    out["aliases.to_dict"] = attempt(lambda: cls(**sample["alias"]).to_dict())
    out["names.to_dict"] = attempt(lambda: cls(**sample["names"]).to_dict())
    out["names.dump"] = attempt(lambda: cls(**sample["names"]).model_dump(by_alias=True))
    out["validate.set"] = attempt(
        lambda: sorted(cls.model_validate(sample["names"]).model_fields_set)
    )
    out["json"] = attempt(lambda: cls.from_json(json.dumps(sample["alias"])).to_dict())
    if sample.get("wrong"):
        key, value = sample["wrong"]
        out["wrong"] = attempt(lambda: cls(**{key: value}))

        def assign():
            made = cls.model_construct()
            setattr(made, key, value)
            return made.to_dict()

        out["wrong.assign"] = attempt(assign)
    out["unknown.assign"] = attempt(lambda: setattr(cls.model_construct(), "zz_unknown", 1))
    return out


def main(samples_path, out_path):
    samples = json.load(open(samples_path))
    results = {name: probe(name, sample) for name, sample in sorted(samples.items())}
    json.dump(results, open(out_path, "w"), sort_keys=True, default=repr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
