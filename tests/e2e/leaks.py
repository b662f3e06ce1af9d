"""What counts as a secret in a program's output or the keyring: the token prefixes the contract
declares and the shapes of codes and passwords (see find_leak)."""

import base64
import re
from pathlib import Path

from waits import HarnessError, log


def contract_secret_prefixes():
    """The token prefixes api/openapi.yaml declares (its top-level `x-secret-prefixes` list)."""
    contract = (Path(__file__).resolve().parents[2] / "api" / "openapi.yaml").read_text(encoding="utf-8")
    listed = re.search(r"^x-secret-prefixes:\s*\[([^\]]*)\]", contract, re.MULTILINE)
    if not listed:
        raise RuntimeError("api/openapi.yaml has no top-level x-secret-prefixes: [...] list")
    return [item.strip().strip("'\"") for item in listed.group(1).split(",") if item.strip()]


SECRET_PREFIXES = contract_secret_prefixes()
# Any token the service issues, of every kind the contract declares.
TOKEN_PATTERN = re.compile(rb"(?<![A-Za-z0-9])(?:" + b"|".join(re.escape(p.encode()) for p in SECRET_PREFIXES)
                           + rb")[A-Za-z0-9_-]{16,}")
# Secrets by their shape, whoever made them: tokens; a one-time code, password or other secret as
# the value of a JSON field or query pair (anything but the redaction marks); recovery codes
# ("abcd-efgh-jk12"); support codes ("7KQ2-M9XF").
SECRET_SHAPES = {
    "a token": TOKEN_PATTERN,
    "a secret field": re.compile(
        rb'(?i)(?<![A-Za-z0-9_])"?(?:code|otp|pin|password|current|new|secret|[a-z_]*_(?:code|codes|token|secret|password))'
        rb'"?\s*[:=]\s*"?(?![\[<"]|\s)(?!redacted)[^\s"&,;}\]]{4,}'),
    "a recovery code": re.compile(rb"(?<![A-Za-z0-9-])[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}(?![A-Za-z0-9-])"),
    "a support code": re.compile(rb"(?<![A-Za-z0-9-])[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}(?![A-Za-z0-9-])"),
}


def find_leak(output, secrets=()):
    """What secret `output` holds, described without repeating it, or None.

    `secrets` are the ones the test itself typed or was given (passwords, tokens, one-time codes,
    support codes with and without the dash); a code of digits counts only as a whole number.
    Then every shape in SECRET_SHAPES is looked for, so a secret the test never saw is caught too.
    """
    for secret in secrets:
        if not secret:
            continue
        raw = secret.encode() if isinstance(secret, str) else secret
        if raw.isdigit():
            if re.search(rb"(?<!\d)" + re.escape(raw) + rb"(?!\d)", output):
                return f"a {len(raw)}-digit code the test used"
        elif raw in output:
            return f"a secret the test used ({raw[:3].decode(errors='replace')}…)"
    for what, shape in SECRET_SHAPES.items():
        found = shape.search(output)
        if found:
            return f"{what} ({found.group(0)[:5].decode(errors='replace')}…)"
    return None


def assert_no_leak(processes, secrets=()):
    """Fails when the output of any of `processes` holds a secret (see find_leak)."""
    for proc in processes:
        output = proc.output()
        leak = find_leak(output, secrets)
        if leak:
            raise HarnessError(f"{proc.name}'s output holds {leak}")
        log(f"{proc.name}: {len(output)} bytes of output, no secret")


def decode_secret(value):
    """QtKeychain stores text as is and binary data base64-encoded; return the token either way."""
    if value is None:
        return None
    value = value.strip()
    prefixes = tuple(p.encode() for p in SECRET_PREFIXES)
    if value.startswith(prefixes):
        return value.decode()
    try:
        decoded = base64.b64decode(value, validate=True)
        if decoded.startswith(prefixes):
            return decoded.decode()
    except ValueError:
        pass
    return value.decode(errors="replace")
