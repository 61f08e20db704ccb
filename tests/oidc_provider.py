"""A small OpenID Connect provider for the tests, on its own port: discovery document,
JWKS, authorize (code flow with PKCE), token (RS256-signed id_token) and userinfo.

The test says who signs in next (`provider.identity`, the claims) and, for hostile cases,
what to change in the id_token (`provider.id_token_changes`: a value replaces the claim,
None removes it) or in userinfo (`provider.userinfo_changes`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.servers import server_port


class OidcProvider:
    def __init__(
        self, *, client_id: str = "hrdd-screening", client_secret: str = "provider-secret"
    ):
        self.client_id, self.client_secret = client_id, client_secret
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = secrets.token_hex(4)
        self.identity: dict = {}
        self.id_token_changes: dict = {}
        self.userinfo_changes: dict = {}
        self.signing_key = self.key  # a test may sign with another key
        self.codes: dict[str, dict] = {}
        self.tokens: dict[str, dict] = {}
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                provider._get(self)

            def do_POST(self):  # noqa: N802
                provider._post(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", server_port()), Handler)
        self.issuer = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- answers
    @staticmethod
    def _json(h, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    def _get(self, h) -> None:
        url = urlsplit(h.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/.well-known/openid-configuration":
            return self._json(
                h,
                200,
                {
                    "issuer": self.issuer,
                    "authorization_endpoint": f"{self.issuer}/authorize",
                    "token_endpoint": f"{self.issuer}/token",
                    "userinfo_endpoint": f"{self.issuer}/userinfo",
                    "jwks_uri": f"{self.issuer}/jwks",
                    "response_types_supported": ["code"],
                    "subject_types_supported": ["public"],
                    "id_token_signing_alg_values_supported": ["RS256"],
                    "code_challenge_methods_supported": ["S256"],
                },
            )
        if url.path == "/jwks":
            jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
            return self._json(
                h, 200, {"keys": [{**jwk, "kid": self.kid, "alg": "RS256", "use": "sig"}]}
            )
        if url.path == "/authorize":
            if query.get("client_id") != self.client_id or query.get("response_type") != "code":
                return self._json(h, 400, {"error": "invalid_request"})
            code = secrets.token_urlsafe(16)
            self.codes[code] = {"claims": dict(self.identity), **query}
            target = (
                query["redirect_uri"] + "?" + urlencode({"code": code, "state": query["state"]})
            )
            h.send_response(302)
            h.send_header("Location", target)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return None
        if url.path == "/userinfo":
            token = h.headers.get("Authorization", "").removeprefix("Bearer ")
            if token not in self.tokens:
                return self._json(h, 401, {"error": "invalid_token"})
            return self._json(h, 200, _changed(self.tokens[token], self.userinfo_changes))
        return self._json(h, 404, {"error": "not_found"})

    def _post(self, h) -> None:
        if urlsplit(h.path).path != "/token":
            return self._json(h, 404, {"error": "not_found"})
        length = int(h.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in parse_qs(h.rfile.read(length).decode()).items()}
        grant = self.codes.pop(form.get("code", ""), None)  # a code is good once
        if (
            grant is None
            or form.get("client_id") != self.client_id
            or form.get("client_secret") != self.client_secret
            or form.get("redirect_uri") != grant["redirect_uri"]
        ):
            return self._json(h, 400, {"error": "invalid_grant"})
        verifier = form.get("code_verifier", "")
        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
        if challenge.rstrip(b"=").decode() != grant.get("code_challenge"):
            return self._json(h, 400, {"error": "invalid_grant", "error_description": "PKCE"})
        now = int(time.time())
        claims = grant["claims"]
        id_claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "iat": now,
            "exp": now + 300,
            "nonce": grant.get("nonce"),
            **claims,
        }
        id_token = jwt.encode(
            _changed(id_claims, self.id_token_changes),
            self.signing_key,
            algorithm="RS256",
            headers={"kid": self.kid},
        )
        access = secrets.token_urlsafe(16)
        self.tokens[access] = claims
        return self._json(
            h,
            200,
            {
                "access_token": access,
                "token_type": "Bearer",
                "expires_in": 300,
                "id_token": id_token,
            },
        )


def _changed(claims: dict, changes: dict) -> dict:
    out = {**claims, **changes}
    return {k: v for k, v in out.items() if v is not None}
