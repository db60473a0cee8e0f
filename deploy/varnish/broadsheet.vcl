vcl 4.1;

# Varnish in front of Broadsheet's web processes. Pages are cached by URL (and the Accept-Encoding the app varies
# on) for as long as the app's Surrogate-Control allows; every change in the app purges exactly the pages it made
# stale, by surrogate key (vmod_xkey, Debian's varnish-modules), so a correction shows at once.
#
#   varnishd -a :80 -f /etc/varnish/broadsheet.vcl -p vcl_path=/etc/varnish -s malloc,1g
#
# backends.vcl, beside this file, names the web processes and picks one for each request (see the example there).

import std;
import xkey;
import directors;

include "backends.vcl";

# Who may purge: the hosts of the web and worker processes (set Broadsheet:Edge:Purger=Varnish and
# Broadsheet:Edge:VarnishUrls on them).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "The xkey-purge header names the surrogate keys to purge"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }

    call broadsheet_backend;

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The newsroom, the admin API and the health checks are per user or per process: never cached.
    if (req.url ~ "^/(newsroom|api/admin|healthz)(/|\?|$)") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # A signed-in newsroom user (session or antiforgery cookie) gets pages from the app.
    if (req.http.Cookie ~ "(^|;\s*)(__Host-)?broadsheet\.") {
        return (pass);
    }
    # Reader pages do not depend on other cookies (analytics and the like): without them they share one cache entry.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # xkey indexes the keys of its own header; the app names them Surrogate-Key (as Fastly does).
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # The app allows shared caches a long life only when it purges them (Broadsheet:Edge:Purger).
    if (beresp.http.Surrogate-Control ~ "max-age=[0-9]+" && !beresp.http.Set-Cookie) {
        set beresp.ttl = std.duration(regsub(beresp.http.Surrogate-Control, "^.*max-age=([0-9]+).*$", "\1") + "s", beresp.ttl);
    }
    set beresp.grace = 10s;
    # No return: the built-in VCL still refuses to store Set-Cookie, private, no-cache, no-store and Vary: *.
}

sub vcl_deliver {
    unset resp.http.xkey;
    unset resp.http.Surrogate-Control;
    unset resp.http.CDN-Cache-Control;
}
