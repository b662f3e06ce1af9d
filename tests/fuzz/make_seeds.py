#!/usr/bin/env python3
"""Writes the seed corpora (corpus/<target>/) from the contract (api/openapi.yaml: its paths, schemas,
examples and error codes) and the tests' data (mock-server/scenarios/*.json, tests/service/data).
Run again after the contract changes: python3 tests/fuzz/make_seeds.py. Needs PyYAML."""
import hashlib
import json
import pathlib
import re
import shutil

import yaml

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SPEC = yaml.safe_load((ROOT / "api/openapi.yaml").read_text())
SCHEMAS = SPEC["components"]["schemas"]
SAMPLE_TIME = "2026-03-01T10:15:00Z"


def resolve(schema):
    while isinstance(schema, dict) and "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def example(schema, depth=0, pick=0):
    """One instance of a schema: its example, const or an enum value (the pick-th), else a made-up value."""
    schema = resolve(schema) or {}
    if depth > 6:
        return None
    if "example" in schema:
        return schema["example"]
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        values = [v for v in schema["enum"] if v is not None] or [None]
        return values[pick % len(values)]
    for key in ("oneOf", "anyOf", "allOf"):
        if key in schema:
            return example(schema[key][pick % len(schema[key])], depth + 1, pick)
    kind = schema.get("type", "object" if "properties" in schema else "string")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object":
        return {name: example(sub, depth + 1, pick) for name, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return [example(schema.get("items", {}), depth + 1, pick)]
    if kind == "integer":
        return schema.get("minimum", 1)
    if kind == "number":
        return schema.get("minimum", 0.5)
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    if schema.get("format") == "date-time":
        return SAMPLE_TIME
    return "x" * max(schema.get("minLength", 3), 1)


def write(target, content):
    if isinstance(content, (dict, list)):
        content = json.dumps(content, ensure_ascii=False)
    if isinstance(content, str):
        content = content.encode()
    folder = HERE / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(content).hexdigest()).write_bytes(content)


def request(method, path, body=None, headers=()):
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1:8765"] + list(headers)
    data = b"" if body is None else json.dumps(body).encode()
    if body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(data)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + data


def request_seeds():
    params = {"id": "dev_3f9c2a", "n": "1", "account": "acc_demo", "code": "7KQ2-M9XF"}
    for path, item in SPEC["paths"].items():
        concrete = re.sub(r"\{(\w+)\}", lambda m: params.get(m.group(1), "x1"), path)
        for method, operation in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            if path.startswith("/__admin"):
                auth = ["X-Admin-Key: fuzz-admin-key-0123456789"]
            elif path.startswith("/v1/support"):
                auth = ["Authorization: Bearer fuzz-support"]
            else:
                auth = ["Authorization: Bearer fuzz-holder"]
            body = None
            content = (operation.get("requestBody") or {}).get("content", {})
            if "application/json" in content:
                body = example(content["application/json"].get("schema", {}))
            query = "?limit=50&cursor=abc&reason=customer%20called&q=ada+lovelace" if method == "get" else ""
            write("mockd_request", request(method.upper(), concrete + query, body, auth))
    write("mockd_request", request("POST", "/v1/auth/login", {"email": "a@b.c", "password": "pw"}) + b"x" * 10)
    write("mockd_request", b"POST /v1/devices HTTP/1.1\r\nContent-Length: 99999999\r\nExpect: 100-continue\r\n\r\n")
    write("mockd_request", b"GET /__admin/requests?path=/v1/*&since=2026-03-01T00:00:00Z&limit=5 HTTP/1.1\r\n"
                           b"X-Admin-Key: fuzz-admin-key-0123456789\r\n\r\n")


def scenario_seeds():
    files = [p for p in (ROOT / "mock-server/scenarios").glob("*.json") if p.name != "schema.json"]
    files += list((ROOT / "tests/service/data").glob("*.json"))
    for path in files:
        write("mockd_scenario", path.read_bytes())
        for rule in json.loads(path.read_text()).get("faults", []):
            write("mockd_fault_rule", rule)


def fault_rule_seeds():
    actions = [{"type": "latency", "ms": 250}, {"type": "latency", "min_ms": 10, "max_ms": 900},
               {"type": "status", "status": 503, "body": {"error": "maintenance", "message": "Back soon."},
                "headers": {"Retry-After": "30"}},
               {"type": "status", "status": 500, "body": "plain text"},
               {"type": "status", "status": 400, "body": {"type": "about:blank"},
                "headers": {"Content-Type": "application/problem+json", "X-Trace": "fuzz"}}, {"type": "status", "status": 418, "body": [1]},
               {"type": "drop"}, {"type": "empty", "status": 204}, {"type": "garbage", "bytes": 128},
               {"type": "truncated", "close": True}]
    for i, action in enumerate(actions):
        rule = {"match": example(SCHEMAS["FaultMatch"], pick=i), "action": action}
        if i % 2:
            rule.update({"times": 3, "probability": 0.5, "seed": 42})
        if i % 3 == 0:
            rule["match"]["account"] = "sam@example.com"
        write("mockd_fault_rule", rule)
    write("mockd_fault_rule", "/v1/devices*?x\n/v1/devices/dev_1/x")


def event_message_seeds():
    write("mockd_event_message", {"type": "auth", "token": "vat_0123456789abcdef"})
    write("mockd_event_message", {"type": "auth", "token": "vat_0123456789abcdef", "resume_from": 17})
    write("mockd_event_message", {"type": "ping"})
    write("mockd_event_message", {"type": "subscribe"})
    write("mockd_event_message", example(SCHEMAS["EventAuth"]))
    write("mockd_event_message", "not json")


def api_error_seeds():
    statuses = {"invalid_credentials": 401, "token_missing": 401, "token_invalid": 401, "token_expired": 401,
                "session_revoked": 401, "invalid_refresh": 401, "invalid_code": 401, "invalid_mfa_token": 401,
                "forbidden": 403, "admin_key_required": 403, "step_up_required": 403, "mfa_required": 403,
                "support_code_invalid": 403, "not_found": 404, "method_not_allowed": 405, "body_too_large": 413,
                "unsupported_media_type": 415, "invalid_field": 422, "invalid_json": 400, "too_many_attempts": 429,
                "challenge_expired": 410, "challenge_locked": 423, "internal_error": 500}
    for code in sorted(set(re.findall(r"`([a-z]+(?:_[a-z]+)+)`", yaml.safe_dump(SPEC["components"]["responses"])))
                       | set(statuses)):
        write("app_api_error", f"{statuses.get(code, 400)} \n" +
              json.dumps({"error": code, "message": f"Something about {code}."}))
    write("app_api_error", "429 30\n" + json.dumps({"error": "too_many_attempts", "message": "Wait.", "retry_after": 30}))
    write("app_api_error", "401 \n" + json.dumps({"error": "invalid_code", "message": "No.", "attempts_left": 2}))
    write("app_api_error", "403 \n" + json.dumps(
        {"error": "mfa_required", "message": "Code?", "methods": ["totp", "sms"], "mfa_token": "vmt_abc", "expires_in": 300}))
    write("app_api_error", "422 \n" + json.dumps({"error": "invalid_field", "message": "Bad.", "field": "device.name"}))
    write("app_api_error", "502 \n<html><body>Bad gateway</body></html>")
    write("app_api_error", "429 Wed, 21 Oct 2015 07:28:00 GMT\n")


def device_seeds():
    device = SCHEMAS["Device"]
    devices = []
    for pick in range(7):
        one = example(device, pick=pick)
        one["id"] = f"dev_{pick}"
        one["location"] = {"city": "Lisbon", "region": "Lisboa", "country": "Portugal", "country_code": "pt",
                           "lat": 38.72, "lon": -9.14}
        one["auto_signout_at"] = "2026-03-10T00:00:00Z" if pick % 2 else None
        devices.append(one)
    write("app_devices", {"devices": devices, "next_cursor": None, "total": len(devices)})
    write("app_devices", {"devices": [{"id": "dev_x"}, 7, {"name": "no id"}, {"id": "dev_x"}], "next_cursor": "c2"})
    write("app_devices", {"devices": [dict(devices[0], first_sign_in="2026-03-01T10:15:00.123+05:30",
                                           last_active="yesterday", location=None, type="fridge")]})
    write("app_devices", {"entries": [example(SCHEMAS["SignInEntry"], pick=p) for p in range(4)]})


def event_frame_seeds():
    frames = SCHEMAS["EventFrame"]["oneOf"]
    for i, frame in enumerate(frames):
        for pick in range(2):
            message = example(frame, pick=pick)
            if isinstance(message.get("device"), dict):
                message["device"]["id"] = "dev_1" if pick == 0 else "dev_9"
            write("app_event_frame", message)
    write("app_event_frame", "\x1e".join(json.dumps(m) for m in (
        {"type": "ready", "seq": 0}, {"type": "device.updated", "seq": 1, "device": {"id": "dev_1", "status": "paused"}},
        {"type": "device.removed", "seq": 2, "device_id": "dev_2"}, {"type": "resync"})))


if __name__ == "__main__":
    shutil.rmtree(HERE / "corpus", ignore_errors=True)
    request_seeds()
    scenario_seeds()
    fault_rule_seeds()
    event_message_seeds()
    api_error_seeds()
    device_seeds()
    event_frame_seeds()
    for folder in sorted((HERE / "corpus").iterdir()):
        print(f"{folder.name}: {len(list(folder.iterdir()))} seeds")
