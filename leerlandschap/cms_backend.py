"""Where /beheer/ saves: the `backend` part of Sveltia's configuration and the one git host the page may reach.

From the region file's `beheer` block (regiomodel.Beheer): GitHub (token) or GitLab (PKCE with the region's OAuth
application, or a token), both through pull/merge requests, or `proef`: Sveltia's test repository in the browser.
"""
from __future__ import annotations

from typing import Any

from .regiomodel import Beheer

GITHUB_API = "https://api.github.com"
GITLAB = "https://gitlab.com"
COMMITS = {"create": "Nieuw in {{collection}}: {{slug}} (via /beheer/)",
           "update": "Bijgewerkt in {{collection}}: {{slug}} (via /beheer/)",
           "delete": "Verwijderd uit {{collection}}: {{slug}} (via /beheer/)",
           "uploadMedia": "Bestand toegevoegd: {{path}} (via /beheer/)",
           "deleteMedia": "Bestand verwijderd: {{path}} (via /beheer/)"}


def backend(beheer: Beheer, branch: str) -> dict[str, Any]:
    if beheer.platform == "github":
        return {"name": "github", "repo": beheer.repository, "branch": branch, "auth_methods": ["token"],
                "commit_messages": COMMITS}
    if beheer.platform == "gitlab":
        server = beheer.server or GITLAB
        settings: dict[str, Any] = {"name": "gitlab", "repo": beheer.repository, "branch": branch, "api_root": f"{server}/api/v4",
                          "base_url": server, "commit_messages": COMMITS}
        if beheer.applicatie_id:
            settings.update(auth_type="pkce", app_id=beheer.applicatie_id, auth_methods=["oauth", "token"])
        else:
            settings["auth_methods"] = ["token"]
        return settings
    return {"name": "test-repo"}


def git_host(beheer: Beheer) -> str:
    """The one host besides the site itself that the editing page may talk to ("" in proef mode)."""
    if beheer.platform == "github":
        return GITHUB_API
    if beheer.platform == "gitlab":
        return beheer.server or GITLAB
    return ""
