# Varnish (Debian package `varnish`, 7.x) in front of gunicorn: the production set-up of
# Hub Parentalité. Included by a file that declares the backend first (scripts/production):
#
#     vcl 4.1;
#     backend default { .host = "127.0.0.1"; .port = "8000"; }
#     include "/srv/hub/deploy/varnish/hub.vcl";
#
# What is kept and for how long is decided by the site (hub/http_cache.py): anonymous public
# answers come with `Cache-Control: public, max-age=0, s-maxage=…`, personal ones `private,
# no-store`. Publication bans what it changed (hub/frontend_cache.py): `BAN /` with the regex
# of the URLs in `X-Ban-Url`, accepted from the addresses of the `purgers` list only.

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        if (!req.http.X-Ban-Url) {
            return (synth(400, "X-Ban-Url missing"));
        }
        ban("obj.http.X-Url ~ " + req.http.X-Ban-Url);
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, its login and second-factor screens, the health check, the members'
    # private calendar addresses: never from the cache.
    if (req.url ~ "^/(admin|django-admin|sante|espace-membres/flux)/") {
        return (pass);
    }
    # A signed-in visitor (or a login in progress) has a session: personal pages.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Anonymous: no public page depends on a cookie (a CSRF token, a consumed message).
    unset req.http.Cookie;
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    # The site redirects plain HTTP to HTTPS: both answers must not share an object.
    if (req.http.X-Forwarded-Proto) {
        hash_data(req.http.X-Forwarded-Proto);
    }
    return (lookup);
}

sub vcl_backend_response {
    # Bans match on the URL stored with the object, so the ban lurker can apply them.
    set beresp.http.X-Url = bereq.url;
    # An expired copy is kept a day more: Varnish revalidates it with If-None-Match and the
    # site answers 304 without sending the body again. Grace comes from stale-while-revalidate.
    set beresp.keep = 1d;
}

sub vcl_deliver {
    unset resp.http.X-Url;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
