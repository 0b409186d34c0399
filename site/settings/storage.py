"""Where media (images) and documents are stored.

Images are public files. Documents go to a storage of their own ("documents")
that is never served directly: every download goes through Wagtail's serve view,
which checks collection privacy first (WAGTAILDOCS_SERVE_METHOD = "serve_view").
"""

from pathlib import Path

from botocore.config import Config as BotoConfig


def s3_client_config(addressing_style: str = "auto") -> BotoConfig:
    """Short timeouts and one retry: with S3 unreachable, a page waits at most a few
    seconds for a rendition (then shows its fallback) and an upload fails quickly with a
    form error, instead of holding a worker for minutes (botocore's defaults are 60 s
    timeouts and several retries)."""
    return BotoConfig(
        signature_version="s3v4",
        s3={"addressing_style": addressing_style},
        connect_timeout=2,
        read_timeout=5,
        # Attempts in all: the first try and one retry, with standard mode's backoff.
        retries={"total_max_attempts": 2, "mode": "standard"},
    )


def s3_storages(
    *,
    bucket_name: str,
    endpoint_url: str | None = None,
    region_name: str = "us-east-1",
    access_key: str | None = None,
    secret_key: str | None = None,
    addressing_style: str = "auto",
    custom_domain: str | None = None,
) -> dict:
    """The "default" (images) and "documents" storages on one S3 bucket."""
    common = {
        "bucket_name": bucket_name,
        "endpoint_url": endpoint_url,
        "region_name": region_name,
        "access_key": access_key,
        "secret_key": secret_key,
        "client_config": s3_client_config(addressing_style),
        # A second "photo.jpg" gets a new name instead of replacing the first.
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": common
            | {
                "location": "media",
                "custom_domain": custom_domain,
                # Public images get stable URLs that a CDN can cache.
                "querystring_auth": False,
            },
        },
        "documents": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": common
            | {
                "location": "documents",
                "default_acl": "private",
                # Read server-side only; any URL made anyway is signed and short-lived.
                "querystring_auth": True,
                "querystring_expire": 60,
            },
        },
    }


def local_storages(documents_root: Path) -> dict:
    """Images under MEDIA_ROOT (served at MEDIA_URL), documents somewhere with no URL."""
    return {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": documents_root, "base_url": None},
        },
    }


def public_media_bucket_policy(bucket_name: str) -> dict:
    """The bucket policy a deployment applies: images under media/ are world-readable,
    everything else (documents/) is private and read only with credentials."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicReadMedia",
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket_name}/media/*",
            }
        ],
    }
