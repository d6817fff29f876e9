namespace WardTwin.Dashboard.Api;

/// <summary>
/// Refuses a state-changing call before its body is bound: it must be JSON (a page on another site cannot send
/// that without the browser asking first), come from this dashboard's own origin when the browser says where it
/// comes from, and carry a token with the role when the dashboard is reachable beyond loopback. The JSON and
/// origin rules hold for every non-GET call under /api, matched or not, so a wrong content type is refused here
/// with its reason rather than by routing's bare 415.
/// </summary>
public sealed class StateChangeGuard(RequestDelegate next, AccessPolicy policy)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var needed = context.GetEndpoint()?.Metadata.GetMetadata<RequiredRole>();
        bool changes = needed is not null || (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal));
        if (changes)
        {
            string? crossSite = CrossSite(context.Request);
            string? refusal = crossSite ?? (needed is null ? null : policy.Refusal(context, needed.Role));
            if (refusal is not null)
            {
                int status = crossSite is null && refusal.StartsWith("a valid", StringComparison.Ordinal) ? 401 : 403;
                await TypedResults.Problem(refusal, statusCode: status).ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }

    private static string? CrossSite(HttpRequest r)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(r.ContentType, out var type) || !type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return $"a state-changing call must be sent as application/json, not '{r.ContentType ?? "(none)"}'";
        }

        string self = $"{r.Scheme}://{r.Host}";
        if (r.Headers.Origin is { Count: > 0 } origin && !string.Equals(origin.ToString(), self, StringComparison.OrdinalIgnoreCase))
        {
            return $"cross-site request refused: origin {origin} is not this dashboard ({self})";
        }

        if (r.Headers["Sec-Fetch-Site"] is { Count: > 0 } site && site.ToString() is not ("same-origin" or "none"))
        {
            return $"cross-site request refused (Sec-Fetch-Site: {site})";
        }

        return null;
    }
}
