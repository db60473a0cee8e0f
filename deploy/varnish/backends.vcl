# Example backends.vcl for broadsheet.vcl: two web processes (Broadsheet:Role=web), requests shared round robin among
# those whose readiness check passes. The worker process serves no pages: it is not a backend.

probe broadsheet_ready {
    .url = "/healthz/ready";
    .interval = 5s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

backend web1 {
    .host = "10.0.0.11";
    .port = "5000";
    .probe = broadsheet_ready;
}

backend web2 {
    .host = "10.0.0.12";
    .port = "5000";
    .probe = broadsheet_ready;
}

sub vcl_init {
    new web = directors.round_robin();
    web.add_backend(web1);
    web.add_backend(web2);
}

sub broadsheet_backend {
    set req.backend_hint = web.backend();
}
