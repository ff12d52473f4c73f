"""What a capitalised word is likely to be: a given name, a surname, a product, a plain word.

Given names and surnames come from Faker's person providers (every locale written in Latin
letters, plus the romanised Japanese and Chinese lists): tens of thousands of names from
many cultures, kept up to date by that project. A name that is also an English word or a
public product ("Will", "Page", "Jenkins") counts as a name only where the sentence says so.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re

_LATIN_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][a-zß-öø-ÿĀ-ɏḀ-ỿ'’-]+")
_NAME_LISTS = (
    "first_names",
    "first_names_male",
    "first_names_female",
    "first_romanized_names",
    "first_names_male_romanized",
    "first_names_female_romanized",
)
_SURNAME_LISTS = ("last_names", "last_romanized_names", "last_names_romanized")

# Public software, services and companies that postmortems name; never a person's placeholder.
PRODUCTS = frozenset(
    """
    airflow akamai alertmanager alpine amazon android angular ansible apache apollo argo argocd
    atlassian aurora aws azure bash bazel bigquery bitbucket bun buildkite caddy cassandra celery
    centos ceph chef chrome chromium circleci clickhouse cloudflare cloudfront cloudwatch
    cockroachdb confluence consul containerd coredns couchbase cron datadog debian deno django
    docker dynamodb ec2 ecs eks elastic elasticache elasticsearch envoy etcd fastly firefox
    flask fluentd flux gcp gcs git github gitlab gke golang google grafana graphql gunicorn
    hadoop haproxy harbor helm heroku hive honeycomb html http https iam istio java javascript
    jenkins jira kafka karpenter keycloak kibana kotlin kubectl kubernetes lambda linkerd linux
    logstash loki macos mariadb memcached microsoft mongo mongodb mysql nagios netlify nginx
    node nodejs nomad npm okta openai opensearch opentelemetry opsgenie oracle packer pagerduty
    php pgbouncer postgres postgresql prometheus puppet pulsar python rabbitmq rails react
    redis redshift route53 ruby rust s3 safari salesforce sentry slack snowflake solr spark
    splunk spring sqlite sqs sns statuspage stripe swift tempo terraform thanos tomcat traefik
    trino twilio typescript ubuntu vagrant varnish vault vercel vitess vue webpack windows
    zookeeper zoom zendesk
    """.split()
)

# English words that are also given names or surnames in the lists above, plus the words of
# incident writing that start sentences; each needs more evidence before it is a person.
_EXTRA_WORDS = """
    will may june july august april mark bill grant chase max page rich hope joy faith rose
    summer autumn dawn sky river stone lane hill price cook ford white black green brown young
    long short king bishop major jack penny sunday monday tuesday wednesday thursday friday
    saturday january february march september october november december storm spring phoenix
    atlas ruby crystal pearl amber ivy iris daisy lily jade sage paris london sydney jordan
    dallas austin florence victoria georgia carolina virginia chelsea brooklyn memphis phoenix
    alert alerts page pager pages paging on-call oncall incident service services deploy deploys
    customer customers user users team teams engineer engineers manager lead support
    staff root cause impact timeline summary action actions owner status severity today
    tomorrow yesterday morning evening night afternoon noon midnight week month year quarter
    north south east west central primary secondary master main replica leader follower
    new old first second third last next final early late after before during while once
    then when where why what who how this that these those there here our their his her
    its we they he she you it i a an the and or but if so not no yes all any some each every
    both either neither many much more most less least few several other another such same
    shortly later meanwhile however because since until although though also still just only
    even again already always never often sometimes usually nobody somebody someone everyone
    anyone everybody anybody nothing everything something ask asks please thanks ping pinged
"""


@functools.cache
def given_names() -> frozenset[str]:
    return _load(_NAME_LISTS)


@functools.cache
def surnames() -> frozenset[str]:
    return _load(_SURNAME_LISTS)


@functools.cache
def common_words() -> frozenset[str]:
    """Lower-case English words too common to be taken for a name without more evidence."""
    from faker.providers.lorem.en_US import Provider as Lorem

    return frozenset(Lorem.word_list) | frozenset(_EXTRA_WORDS.split()) | PRODUCTS


def is_given_name(word: str) -> bool:
    return word in given_names()


def is_plain_word(word: str) -> bool:
    """True for an English word (or its plural or past) or a product name, in any letter case."""
    low = word.lower()
    words = common_words()
    if low in words:
        return True
    for ending in ("s", "es", "ed", "d", "ing"):
        if low.endswith(ending) and low[: -len(ending)] in words:
            return True
    return False


def _load(attributes: tuple[str, ...]) -> frozenset[str]:
    import faker.providers.person as person

    found: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for attribute in attributes:
            values = provider.__dict__.get(attribute)
            if isinstance(values, list | tuple | dict | set | frozenset):
                found.update(v for v in values if isinstance(v, str) and _LATIN_NAME.fullmatch(v))
    return frozenset(found)
