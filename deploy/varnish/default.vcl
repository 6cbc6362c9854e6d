# Roleboard behind Varnish 7 with vmod_xkey (Debian: varnish, varnish-modules).
#
# Caches anonymous GETs and HEADs for as long as the app's Cache-Control allows shared caches
# (s-maxage: a day for public pages and the API), and drops them the moment a save purges their
# tags: the app sends `xkey: role:<slug> roles …` with each response and a `PURGE` request with
# an `xkey-purge` header on every save (PURGE_URLS). Never cached: a request with a session
# cookie, /admin, /employer, /join, /login, /api/auth, /api/internal and the health checks. While the app is
# healthy a stale object is served for 10 s while it is fetched again; while every instance is
# down, for a day. Responses say X-Cache: HIT or MISS (and Age).
#
# site.vcl, next to this file, names the app's instances (the `app` director) and the addresses
# allowed to purge (the `purgers` ACL): see site.example.vcl. `npm run stack` writes one.
vcl 4.1;

import std;
import xkey;

include "site.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Purging is not allowed from this address"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the tags to purge in an xkey-purge header"));
        }
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged + " objects"));
    }

    set req.backend_hint = app.backend();
    # This edge is the first hop: whatever a client wrote in X-Forwarded-For is its own say-so.
    # The app is told only the address that connected here, and believes it because it comes
    # from this cache's address (TRUSTED_PROXIES); only the app decides who the client is.
    set req.http.X-Forwarded-For = client.ip;
    unset req.http.x-roleboard-client-address;

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|employer|join|login|api/auth|api/internal|api/health|api/ready)(/|\?|$)") {
        return (pass);
    }
    # A signed-in visitor's pages are theirs alone: never served from, nor stored in, the cache.
    if (req.http.Cookie ~ "(^|;\s*)(__Secure-|__Host-)?authjs\.session-token") {
        return (pass);
    }
    # Public pages read no cookie, so one cached copy serves everyone.
    unset req.http.Cookie;
    unset req.http.Authorization;

    # Stale objects: briefly while the app is up, for as long as they are kept while it is down.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }
    return (hash);
}

sub vcl_backend_response {
    # A response that sets a cookie belongs to one visitor.
    if (beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Kept (and purgeable) for a day after it goes stale, to serve while the app is down.
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The tags are between the app and this cache.
    unset resp.http.xkey;
}
