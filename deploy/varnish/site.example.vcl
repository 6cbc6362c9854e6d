# The deployment's part of default.vcl: copy to site.vcl next to it and name your instances.
# Each instance runs `npm start -- -H <its private address>` with REDIS_URL (one Redis for all),
# PURGE_URLS=http://<varnish>/, TRUSTED_PROXIES=<Varnish's address as the instances see it>, and
# the same AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY. Let only Varnish reach the
# instances' port: the address it forwards is believed because of where it comes from.
import directors;

probe health {
    .url = "/api/health";
    .interval = 2s;
    .timeout = 1s;
    .window = 3;
    .threshold = 2;
}

backend app1 { .host = "10.0.0.11"; .port = "3000"; .probe = health; }
backend app2 { .host = "10.0.0.12"; .port = "3000"; .probe = health; }

sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(app1);
    app.add_backend(app2);
}

# Who may purge: the instances (they purge on every save).
acl purgers {
    "10.0.0.11";
    "10.0.0.12";
}
