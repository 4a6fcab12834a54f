package io.omnisync.adapters.adminpage.standin;

/** One request the page sent to the admin API, as the stand-in received it. */
public record RecordedRequest(String method, String uri, String authorization, String body) {

    public boolean is(String method, String path) {
        return this.method.equals(method) && uri.equals(path);
    }
}
